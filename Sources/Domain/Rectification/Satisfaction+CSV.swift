import Foundation

/// 满意度统计表 as CSV: one row per organisation and a 合计 row, UTF-8 with a byte-order mark so
/// the spreadsheet programs used in offices (WPS, Excel) open the Chinese columns correctly.
public enum SatisfactionCSV {
  public static let header = [
    "单位代码", "单位名称", "统计期间", "评价总数", "非常满意", "满意", "基本满意", "不满意", "非常不满意",
    "差评数", "无效差评", "满意率(含无效差评)", "满意率(剔除无效差评)", "有效差评", "已整改", "整改率",
    "已回访", "回访率", "实名差评", "实名已回访", "实名回访率",
  ]

  public static func render(_ rows: [OrganisationSatisfaction], period: StatisticsPeriod)
    -> String
  {
    var lines = [header.map(field).joined(separator: ",")]
    let total = rows.reduce(SatisfactionFigures()) { $0 + $1.figures }
    for r in rows + [OrganisationSatisfaction(organisation: "", name: "合计", figures: total)] {
      lines.append(line(r, period: period).map(field).joined(separator: ","))
    }
    return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
  }

  static func line(_ r: OrganisationSatisfaction, period: StatisticsPeriod) -> [String] {
    let f = r.figures
    let pct = SatisfactionFigures.percent
    return [
      r.organisation, r.name, period.title, String(f.total),
    ] + RatingLevel.allCases.map { String(f.count($0)) } + [
      String(f.bad), String(f.invalid), pct(f.satisfaction(excludingInvalid: false)),
      pct(f.satisfaction(excludingInvalid: true)), String(f.validBad), String(f.rectified),
      pct(f.rectificationRate), String(f.calledBack), pct(f.callbackRate),
      String(f.realNameBad), String(f.realNameCalledBack), pct(f.realNameCallbackRate),
    ]
  }

  /// Quotes a field when it needs it (RFC 4180), and defuses a leading `= + - @` so a
  /// spreadsheet never runs an organisation's name as a formula. Controls and bidi overrides
  /// (a name synced from elsewhere) are shown as marks by the one sanitiser.
  static func field(_ text: String) -> String {
    var t = SafeText.line(text)
    // `-` alone is our "no rate"; anything else starting so could be taken for a formula.
    if let first = t.first, "=+-@".contains(first), t != "-", Double(t) == nil { t = "'" + t }
    guard t.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return t
    }
    return "\"" + t.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
