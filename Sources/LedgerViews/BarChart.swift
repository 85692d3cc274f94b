import LedgerCore
import LedgerKit

/// A bar chart drawn as inline SVG: no script, no font download, prints as it shows.
///
/// Each bar may stack several series (cash and in-kind donations); a negative value (a month that only reverses
/// something earlier) draws no bar but keeps its label. Labels under the bars are the month numbers; values
/// above them are in yuan, shortened to 万 (ten thousand) in Chinese and k in English.
public struct BarChart {
    public struct Series {
        public var name: String
        public var color: String
    }

    public var title: String
    public var series: [Series]
    /// One label per bar, and one value per series for it, in fen.
    public var bars: [(label: String, values: [Fen])]

    public func svg(width: Int = 720, height: Int = 260) -> String {
        let left = 8, right = 8, top = 34, bottom = 44
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let totals = bars.map { $0.values.filter { $0 > 0 }.reduce(0, +) }
        let maximum = max(totals.max() ?? 0, 1)
        let slot = Double(plotWidth) / Double(max(bars.count, 1))
        let barWidth = max(4, min(48, slot * 0.6))
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 \(width) \(height)" width="100%" \
            role="img" aria-label="\(HTML.escape(title))">
            <title>\(HTML.escape(title))</title>
            <text x="\(left)" y="16" class="chart-title">\(HTML.escape(title))</text>
            """
        var legendX = Double(width - right)
        for item in series.reversed() where series.count > 1 {
            let textWidth = Double(Format.displayWidth(item.name)) * 6.5
            legendX -= textWidth + 22
            svg += "<rect x=\"\(fixed(legendX))\" y=\"6\" width=\"12\" height=\"12\" fill=\"\(item.color)\"/>"
            svg += "<text x=\"\(fixed(legendX + 16))\" y=\"16\" class=\"chart-legend\">\(HTML.escape(item.name))</text>"
        }
        let baseline = Double(top + plotHeight)
        svg += "<line x1=\"\(left)\" y1=\"\(fixed(baseline))\" x2=\"\(width - right)\" y2=\"\(fixed(baseline))\" stroke=\"#888\"/>"
        for (index, bar) in bars.enumerated() {
            let center = Double(left) + slot * (Double(index) + 0.5)
            var y = baseline
            for (value, item) in zip(bar.values, series) where value > 0 {
                let h = Double(plotHeight) * Double(value) / Double(maximum)
                y -= h
                svg += "<rect x=\"\(fixed(center - barWidth / 2))\" y=\"\(fixed(y))\" width=\"\(fixed(barWidth))\" height=\"\(fixed(h))\" fill=\"\(item.color)\"/>"
            }
            let total = bar.values.reduce(0, +)
            if total != 0 {
                svg += "<text x=\"\(fixed(center))\" y=\"\(fixed(y - 4))\" text-anchor=\"middle\" class=\"chart-value\">\(HTML.escape(BarChart.short(total)))</text>"
            }
            svg += "<text x=\"\(fixed(center))\" y=\"\(fixed(baseline + 16))\" text-anchor=\"middle\" class=\"chart-label\">\(HTML.escape(bar.label))</text>"
        }
        if bars.isEmpty || totals.allSatisfy({ $0 == 0 }) {
            svg += "<text x=\"\(width / 2)\" y=\"\(top + plotHeight / 2)\" text-anchor=\"middle\" class=\"chart-label\">\(HTML.escape(t("nothing in this period", "本期没有数据")))</text>"
        }
        return svg + "</svg>"
    }

    /// A short amount for a bar: `¥3,200`, `¥1.2万` / `¥12k`.
    public static func short(_ fen: Fen) -> String {
        let sign = fen < 0 ? "-" : ""
        let magnitude = (fen.magnitude + 50) / 100
        if magnitude >= 10_000 {
            if Language.current.isChinese {
                let tenths = (magnitude + 500) / 1_000
                return "\(sign)¥\(tenths / 10).\(tenths % 10)万"
            }
            return "\(sign)¥\((magnitude + 500) / 1_000)k"
        }
        return sign + Yuan.format(Fen(magnitude) * 100).replacingOccurrences(of: ".00", with: "")
    }

    private func fixed(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
