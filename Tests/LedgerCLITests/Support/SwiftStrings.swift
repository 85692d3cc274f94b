import Foundation

/// The string literals of Swift source, each with the call it is an argument of — enough to find a message
/// printed without its translation. A small scanner, not a parser: it knows comments, string literals (also
/// multi-line and raw ones) with their interpolations, and brackets.
struct SwiftStrings {
    struct Literal {
        /// The literal's text with interpolations removed.
        var text: String
        /// The function called with it, when it is a direct argument of a call (`print`, `t`, `CLIFailure`…).
        var call: String?
        /// Which argument of that call (0-based), and which call it was (to pair the two arguments of `t`).
        var argument: Int
        var callID: Int
        /// The argument label just before it (`help` in `help: "…"`).
        var label: String?
        var line: Int
    }

    private(set) var literals: [Literal] = []
    private let chars: [Character]
    private var index = 0
    private var line = 1
    private var nextCallID = 0

    init(source: String) {
        chars = Array(source)
        scanCode(insideInterpolation: false)
    }

    private struct Frame {
        var call: String?
        var argument = 0
        var id: Int
    }

    private func peek(_ offset: Int = 0) -> Character? { index + offset < chars.count ? chars[index + offset] : nil }

    private mutating func advance() {
        if chars[index] == "\n" { line += 1 }
        index += 1
    }

    private mutating func scanCode(insideInterpolation: Bool) {
        var stack: [Frame] = []
        var lastIdentifier: String? = nil  // the identifier right before, if the previous token was one
        var label: String? = nil
        while let c = peek() {
            if c == "/" && peek(1) == "/" {
                while let d = peek(), d != "\n" { advance() }
                continue
            }
            if c == "/" && peek(1) == "*" {
                while peek() != nil, !(peek() == "*" && peek(1) == "/") { advance() }
                if peek() != nil { advance(); advance() }
                continue
            }
            if c.isWhitespace {
                advance()
                continue
            }
            if c == "\"" || (c == "#" && (peek(1) == "\"" || peek(1) == "#")) {
                let frame = stack.last
                let text = scanLiteral()
                literals.append(Literal(text: text.text, call: frame?.call, argument: frame?.argument ?? 0, callID: frame?.id ?? -1,
                    label: label, line: text.line))
                lastIdentifier = nil
                label = nil
                continue
            }
            if c.isLetter || c == "_" {
                var word = ""
                while let d = peek(), d.isLetter || d.isNumber || d == "_" {
                    word.append(d)
                    advance()
                }
                lastIdentifier = word
                var look = index
                while look < chars.count, chars[look] == " " { look += 1 }
                label = look < chars.count && chars[look] == ":" && (look + 1 >= chars.count || chars[look + 1] != ":") ? word : nil
                continue
            }
            advance()
            switch c {
            case "(", "[", "{":
                stack.append(Frame(call: c == "(" ? lastIdentifier : String(c), id: nextCallID))
                nextCallID += 1
                label = nil
            case ")", "]", "}":
                if stack.isEmpty, insideInterpolation { return }
                _ = stack.popLast()
                label = nil
            case ",":
                if !stack.isEmpty { stack[stack.count - 1].argument += 1 }
                label = nil
            case ":":
                break  // keeps the label just seen
            default:
                label = nil
            }
            lastIdentifier = nil
        }
    }

    /// Reads a literal starting at `index`, skipping interpolations (scanning their code for literals too).
    private mutating func scanLiteral() -> (text: String, line: Int) {
        let startLine = line
        var hashes = 0
        while peek() == "#" {
            hashes += 1
            advance()
        }
        let multiline = peek() == "\"" && peek(1) == "\"" && peek(2) == "\""
        for _ in 0..<(multiline ? 3 : 1) { advance() }
        let closing = String(repeating: "\"", count: multiline ? 3 : 1) + String(repeating: "#", count: hashes)
        let escape = "\\" + String(repeating: "#", count: hashes)
        var text = ""
        while peek() != nil {
            if String(chars[index..<min(chars.count, index + closing.count)]) == closing {
                for _ in 0..<closing.count { advance() }
                break
            }
            if String(chars[index..<min(chars.count, index + escape.count)]) == escape {
                for _ in 0..<escape.count { advance() }
                if peek() == "(" {
                    advance()
                    scanCode(insideInterpolation: true)
                    text += " "
                } else if peek() != nil {
                    advance()
                }
                continue
            }
            text.append(chars[index])
            advance()
        }
        return (text, startLine)
    }

    /// Whether a literal says something in words: letters left once `[reason_code]`s are taken out.
    static func hasWords(_ text: String) -> Bool {
        let withoutCodes = text.replacingOccurrences(of: "\\[[a-z_]+\\]", with: "", options: .regularExpression)
        return withoutCodes.contains { $0.isLetter }
    }

    static func hasChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3000...0x303F).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) }
    }
}
