import Foundation

/// 一个数据集 — one CSV file of the national export: a header row of the standard's item names,
/// then one row per record.
///
/// The files are for the province's machines, not for a spreadsheet: UTF-8 with a BOM (the
/// platforms' importers and WPS both expect it), CRLF line ends (RFC 4180), a field quoted only
/// when it holds a comma, a quote or a line break. Each cell goes through the one sanitiser's
/// control-character rule (`SafeText.line`: controls and bidi overrides shown as marks, line
/// breaks and tabs as one space, so a record is one line); the spreadsheet formula guard of our
/// reports is *not* applied, because a leading `-` or `=` is data here and a machine never
/// evaluates it.
public struct NationalTable: Equatable, Sendable {
  public var header: [String]
  public var rows: [[String]]

  public init(header: [String], rows: [[String]] = []) {
    self.header = header
    self.rows = rows
  }

  /// Appends one record; it must have exactly one value per column.
  public mutating func append(_ row: [String]) {
    precondition(row.count == header.count, "row of \(row.count) for \(header.count) columns")
    rows.append(row)
  }

  /// The file's bytes as text: BOM, header, rows, each line ended by CRLF.
  public var text: String {
    var out = "\u{FEFF}"
    for line in [header] + rows {
      out += line.map(Self.field).joined(separator: ",") + "\r\n"
    }
    return out
  }

  /// One cell: sanitised, then quoted when it needs to be.
  public static func field(_ value: String) -> String {
    let t = SafeText.line(value)
    guard t.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return t
    }
    return "\"" + t.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
