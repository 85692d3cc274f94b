import Foundation
import LedgerTesting
import Testing

/// Chinese from `LANG`/`LC_ALL` or `--lang zh`; English from `--lang en` whatever the locale says.
@Suite struct LanguageTests {
    enum Choice: String, CaseIterable {
        case langZh = "LANG=zh_CN.UTF-8"
        case lcAllZh = "LC_ALL=zh_CN.UTF-8"
        case optionZh = "--lang zh"
        case optionEnOverZhLocale = "LANG=zh_CN.UTF-8 --lang en"
        case plainC = "LANG=C"

        var lang: String { self == .langZh || self == .optionEnOverZhLocale ? "zh_CN.UTF-8" : "C" }
        var environment: [String: String] { self == .lcAllZh ? ["LC_ALL": "zh_CN.UTF-8"] : [:] }
        var options: [String] {
            switch self {
            case .optionZh: ["--lang", "zh"]
            case .optionEnOverZhLocale: ["--lang", "en"]
            default: []
            }
        }
        var chinese: Bool { self == .langZh || self == .lcAllZh || self == .optionZh }
    }

    @Test(arguments: Choice.allCases)
    func refusalsAndTablesSpeakTheChosenLanguage(_ choice: Choice) async throws {
        let society = try await Society()
        let refusal = try await society.ledger(
            ["record", "grant", "--member", "H404", "--amount", "5", "--purpose", "助学"] + choice.options, key: "c1",
            lang: choice.lang, environment: choice.environment)
        let funds = try await society.ledger(["funds"] + choice.options, lang: choice.lang, environment: choice.environment)

        #expect(refusal.status == 2)
        #expect(funds.status == 0)
        if choice.chinese {
            #expect(refusal.stderr.hasPrefix("错误："))
            #expect(refusal.stderr.contains("成员 H404 不存在"))
            #expect(refusal.stderr.contains("未写入任何内容"))
            #expect(funds.stdout.hasPrefix("基金"))
            #expect(funds.stdout.contains("现金余额"))
            #expect(funds.stdout.contains("物资价值"))
        } else {
            #expect(refusal.stderr.hasPrefix("error: "))
            #expect(refusal.stderr.contains("member H404 does not exist"))
            #expect(refusal.stderr.contains("nothing was written"))
            #expect(funds.stdout.hasPrefix("Fund"))
            #expect(funds.stdout.contains("Cash"))
            #expect(funds.stdout.contains("In kind"))
        }
        #expect(refusal.stderr.contains("[unknown_member]"))
    }

    @Test func verifyReportsInChinese() async throws {
        let society = try await Society()
        let valid = try await society.ledger(["verify"], lang: "zh_CN.UTF-8")
        #expect(valid.status == 0)
        #expect(valid.stdout.contains("核验通过"))
        let missing = try await CLI.run(["verify", "nowhere.jsonl"], in: society.folder, lang: "zh_CN.UTF-8")
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("无法读取 nowhere.jsonl"))
    }
}
