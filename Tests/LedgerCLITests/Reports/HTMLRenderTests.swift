import Foundation
import LedgerTesting
import Testing

/// The printable report opens in a real browser (headless Chromium): it parses into the page we wrote, with its
/// two charts, and renders to a screenshot.
@Suite struct HTMLRenderTests {
    static func chromium(_ arguments: [String], in folder: URL) throws -> CLIResult {
        let chromium = try Tool.require("chromium", package: "chromium fonts-noto-cjk")
        // Chromium keeps a profile; give it a fresh one in the test's folder.
        return try Tool.run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(folder.path)/chromium-profile"] + arguments,
            in: folder, environment: ["HOME": folder.path])
    }

    @Test func theReportRendersInChromium() async throws {
        let society = try await Society.mixed()
        let page = society.path("report.html")
        let report = try await society.ledger(["report", "--html", page], lang: "zh_CN.UTF-8")
        #expect(report.status == 0, "\(report)")
        let url = URL(fileURLWithPath: page).absoluteString

        // The DOM the browser built: the title, two SVG charts with their bars, and every table.
        let dom = try Self.chromium(["--dump-dom", url], in: society.folder)
        #expect(dom.status == 0, "\(dom.stderr)")
        #expect(dom.stdout.contains("测试互助社工作报告"))
        #expect(dom.stdout.components(separatedBy: "<svg").count - 1 == 2, "two charts")
        #expect(dom.stdout.components(separatedBy: "<rect").count - 1 >= 3, "bars")
        #expect(dom.stdout.components(separatedBy: "<table").count - 1 >= 4)
        #expect(!dom.stdout.contains("parsererror"))

        let screenshot = society.path("report.png")
        let shot = try Self.chromium(["--screenshot=\(screenshot)", "--window-size=1024,1400", url], in: society.folder)
        #expect(shot.status == 0, "\(shot.stderr)")
        let png = try Data(contentsOf: URL(fileURLWithPath: screenshot))
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG")
        // Width and height from the IHDR chunk.
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 1024 && height == 1400)
        // A blank or error page compresses to a few kilobytes; the report's text and charts do not.
        #expect(png.count > 40_000, "the screenshot is only \(png.count) bytes: is the page blank?")
    }
}
