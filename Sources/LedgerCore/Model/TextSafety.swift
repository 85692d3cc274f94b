/// Characters a new entry's text may not hold: ones that are invisible, or that make text read differently from what
/// was signed (docs/FORMAT.md section 5, "Text in new entries").
///
/// A donor name beginning with U+202E RIGHT-TO-LEFT OVERRIDE shown in the same table cell as an amount can make a
/// page or a printed notice say something other than the entry; a C1 control such as U+009B reaches a terminal as a
/// command. Format v1 never refused them, so a verifier still accepts them in existing entries; every way a new
/// entry is made (composing one, or a server taking one in) refuses them, naming the field.
public enum TextSafety {
    /// Whether `scalar` may appear in new text: not a control (Cc, which covers C0, DEL and C1), not a format
    /// character (Cf: direction marks, embeddings, overrides and isolates, zero-width characters, the byte order mark,
    /// soft hyphen, tags, …), not a line or paragraph separator (Zl, Zp).
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: false
        default: true
        }
    }

    /// The first character of `text` that new text may not hold, if any.
    public static func firstRefused(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { !isAllowed($0) }
    }

    /// `U+202E`, as people and error messages write a character.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Refuses `body` when any of its texts holds a refused character.
    /// - Throws: `deceptive_text`, naming the field (`data.donor`, `memo`, …) and the character.
    public static func check(_ body: Body) throws(LedgerError) {
        for (field, text) in body.namedTextFields {
            guard let scalar = firstRefused(in: text) else { continue }
            let name = scalar.properties.name.map { " (\($0))" } ?? ""
            throw LedgerError(.deceptiveText, seq: body.seq, kind: body.kind.rawValue,
                en: "field \"\(field)\" holds \(codePoint(scalar))\(name), an invisible or direction-changing character that can make the text read differently from what was signed; new entries may not contain control, direction or other invisible format characters — retype the text without it",
                zh: "字段“\(field)”含有 \(codePoint(scalar))\(name)，这是不可见或改变文字方向的字符，可能使显示的内容与签名内容不符；新条目不能包含控制字符、方向控制字符或其他不可见格式字符——请去掉该字符后重新输入")
        }
    }
}

extension Body {
    /// Every text of the body with the path of its field: `memo`, `data.donor`, `data.key.holder`, `data.funds[0].name`.
    public var namedTextFields: [(field: String, text: String)] {
        var fields: [(String, String)] = []
        func collect(_ value: JSONValue, _ path: String) {
            switch value {
            case .string(let text): fields.append((path, text))
            case .array(let elements): for (index, element) in elements.enumerated() { collect(element, "\(path)[\(index)]") }
            case .object(let object): for member in object.members { collect(member.value, path.isEmpty ? member.key : "\(path).\(member.key)") }
            default: break
            }
        }
        collect(json, "")
        return fields
    }
}
