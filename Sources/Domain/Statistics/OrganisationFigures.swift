/// What one organisation's line of a statistics table holds (按时办结, 满意度): figures that add
/// up into the table's 合计 line and name their own CSV columns.
public protocol StatisticsFigures: Equatable, Sendable {
  /// No cases at all: where a 合计 starts.
  static var zero: Self { get }
  static func + (a: Self, b: Self) -> Self
  /// The CSV columns after 单位代码, 单位名称 and 统计期间.
  static var csvHeader: [String] { get }
  /// This line's cells under `csvHeader`.
  var csvCells: [String] { get }
}

/// One organisation's line of a statistics table.
public struct OrganisationFigures<Figures: StatisticsFigures>: Equatable, Sendable {
  public var organisation: String
  public var name: String
  public var figures: Figures

  public init(organisation: String, name: String, figures: Figures) {
    self.organisation = organisation
    self.name = name
    self.figures = figures
  }

  /// The lines, then their 合计 (no organisation code) — as every table, CSV and listing shows them.
  public static func withTotal(_ rows: [Self]) -> [Self] {
    rows + [
      Self(organisation: "", name: "合计", figures: rows.reduce(Figures.zero) { $0 + $1.figures })
    ]
  }
}

public typealias OrganisationTimeliness = OrganisationFigures<TimelinessFigures>
public typealias OrganisationSatisfaction = OrganisationFigures<SatisfactionFigures>

/// A share of a whole; nil when the whole is empty (shown `-`, never 0% or a division by zero).
func rate(_ part: Int, _ whole: Int) -> Double? {
  whole > 0 ? Double(part) / Double(whole) : nil
}

/// A statistics table as CSV for WPS/Excel: UTF-8 with a byte-order mark so the spreadsheet
/// programs used in offices open the Chinese columns correctly, CRLF lines, one line per
/// organisation and a 合计 line, and cells that could be read as formulas defused.
public enum StatisticsCSV {
  public static func render<F>(_ rows: [OrganisationFigures<F>], period: StatisticsPeriod)
    -> String
  {
    table(
      header: ["单位代码", "单位名称", "统计期间"] + F.csvHeader,
      rows: OrganisationFigures.withTotal(rows).map {
        [$0.organisation, $0.name, period.title] + $0.figures.csvCells
      })
  }

  /// Any report table in the same form: a header line, then one line per row.
  public static func table(header: [String], rows: [[String]]) -> String {
    let lines = ([header] + rows).map { $0.map(field).joined(separator: ",") }
    return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
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
