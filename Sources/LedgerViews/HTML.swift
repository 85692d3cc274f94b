import LedgerCore

/// Small helpers for the self-contained printable pages (no scripts, no network).
public enum HTML {
    /// Escapes text for HTML element content and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        for char in text {
            switch char {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(char)
            }
        }
        return out
    }

    /// Ledger text (a name, a purpose, a description) escaped and isolated in `<bdi>`, so that whatever direction its
    /// characters take can never spill into the amount or the words beside it. Every table cell and fact is isolated.
    public static func isolated(_ text: String) -> String { "<bdi>\(escape(text))</bdi>" }

    /// A complete page with print-friendly styles, and `style` added to them.
    ///
    /// Its content security policy forbids scripts and every fetch, so the page shows the same offline and printed as
    /// it does anywhere else — unless it names `modules`: paths of the site's own JavaScript modules, which then
    /// may run and fetch from the site that served the page, and nothing else (no inline script).
    public static func page(title: String, body: String, style: String = "", modules: [String] = []) -> String {
        let policy = modules.isEmpty ? "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
            : "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src data:"
        let scripts = modules.map { "<script type=\"module\" src=\"\(escape($0))\"></script>\n" }.joined()
        return """
        <!DOCTYPE html>
        <html lang="\(Language.current.isChinese ? "zh-Hans" : "en")">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="\(policy)">
        <title>\(escape(title))</title>
        \(scripts)
        <style>
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
               max-width: 48rem; margin: 1.5rem auto; padding: 0 1rem; color: #222; line-height: 1.5; }
        h1 { font-size: 1.5rem; border-bottom: 3px solid #b22; padding-bottom: .3rem; }
        h2 { font-size: 1.15rem; margin-top: 1.5rem; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
        th, td { border: 1px solid #bbb; padding: .3rem .5rem; text-align: left; vertical-align: top; }
        th { background: #f3ede4; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        code, .hash { font-family: "DejaVu Sans Mono", monospace; font-size: .85em; word-break: break-all; }
        .fingerprint { font-size: 1.4rem; font-weight: bold; letter-spacing: .05em; }
        .note { color: #555; font-size: .9em; }
        @media print { body { margin: 0; } }
        \(style)
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    /// A table with a header row; `numeric` columns are right-aligned. `links[i]`, when given, makes the first cell
    /// of row `i` a link.
    public static func table(_ header: [String], _ rows: [[String]], numeric: Set<Int> = [], links: [String?] = []) -> String {
        var html = "<table><tr>"
        for cell in header { html += "<th>\(escape(cell))</th>" }
        html += "</tr>"
        for (number, row) in rows.enumerated() {
            html += "<tr>"
            for (index, cell) in row.enumerated() {
                var text = isolated(cell)
                if index == 0, number < links.count, let link = links[number] { text = "<a href=\"\(escape(link))\">\(text)</a>" }
                html += numeric.contains(index) ? "<td class=\"num\">\(text)</td>" : "<td>\(text)</td>"
            }
            html += "</tr>"
        }
        return html + "</table>"
    }

    /// A two-column table of label/value rows.
    public static func facts(_ rows: [(String, String)]) -> String {
        "<table>" + rows.map { "<tr><th>\(escape($0.0))</th><td>\(isolated($0.1))</td></tr>" }.joined() + "</table>"
    }
}
