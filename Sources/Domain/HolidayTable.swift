import Foundation

/// 节假日表格式错误 — why a holiday table was refused, with the 1-based line it was found on.
///
/// The message already carries the line ("第3行: …") because it is shown as is, at start-up or on
/// import, to an administrator who will open the file in an editor.
public struct HolidayTableError: Error, Equatable, Sendable, CustomStringConvertible {
  public let line: Int
  public let message: String

  public var description: String { message }
}

/// 节假日表 — the text format of the shipped calendar (`share/zwfw/holidays.tsv`) and of the
/// yearly import when a new notice is published.
///
/// One entry per line: `date<TAB>kind<TAB>name`, with `#` comment lines and blank lines allowed.
/// The format is plain TSV so a clerk can check a year against the notice in any editor.
public enum HolidayTable {
  /// Parses a whole table, refusing it at the first bad line.
  ///
  /// All-or-nothing on purpose: a half-loaded year would silently move deadlines.
  public static func parse(_ text: String) throws(HolidayTableError) -> [CalendarEntry] {
    var entries: [CalendarEntry] = []
    var lineOfDay: [Int: Int] = [:]
    // "\r\n" is a single Character in Swift, so splitting on "\n" alone would miss CRLF files.
    let lines = text.split(
      omittingEmptySubsequences: false,
      whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    for (index, rawLine) in lines.enumerated() {
      let number = index + 1
      var line = Substring(rawLine)
      if number == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
      if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
      let entry = try parseLine(line, number: number)
      if let earlier = lineOfDay[entry.date.dayNumber] {
        throw HolidayTableError(
          line: number, message: "第\(number)行: 日期 \(entry.date.iso) 重复(已见于第\(earlier)行)")
      }
      lineOfDay[entry.date.dayNumber] = number
      entries.append(entry)
    }
    return entries
  }

  /// Writes entries in the order given, so `parse(format(e)) == e`.
  ///
  /// Tabs and line breaks in a name would split the line, so they are written as spaces.
  public static func format(_ entries: [CalendarEntry]) -> String {
    var text = """
      # 法定节假日(holiday)与调休上班日(workday),依国务院办公厅每年发布的放假安排通知。
      # 未列出的日期按规则:周一至周五上班,周六、周日休息。
      # columns: date<TAB>kind<TAB>name

      """
    for entry in entries {
      let name = String(entry.name.map { $0 == "\t" || $0.isNewline ? " " : $0 })
      text += "\(entry.date.iso)\t\(entry.kind.rawValue)\t\(name)\n"
    }
    return text
  }

  private static func parseLine(
    _ line: Substring, number: Int
  ) throws(HolidayTableError) -> CalendarEntry {
    func fail(_ reason: String) -> HolidayTableError {
      HolidayTableError(line: number, message: "第\(number)行: \(reason)")
    }
    let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
    guard columns.count == 3 else {
      throw fail("应为3列(日期、类型、名称),以制表符分隔")
    }
    let dateText = String(columns[0]).trimmingSpaces()
    guard isDateShaped(dateText) else { throw fail("日期格式应为 YYYY-MM-DD") }
    guard let date = CivilDate(iso: dateText) else { throw fail("日期 \(dateText) 不存在") }
    let kindText = columns[1].trimmingSpaces()
    guard let kind = CalendarEntry.Kind(rawValue: kindText) else {
      throw fail("类型应为 holiday 或 workday")
    }
    let name = columns[2].trimmingSpaces()
    guard !name.isEmpty else { throw fail("名称不能为空") }
    // A make-up working day only exists to replace a weekend; on a weekday it is a typo that
    // would otherwise pass unnoticed (the day is a working day anyway).
    if kind == .workday, !date.isWeekend {
      throw fail("调休上班日 \(date.iso) 是星期\(date.weekdayName),应为周六或周日")
    }
    return CalendarEntry(date: date, kind: kind, name: name)
  }

  /// `NNNN-NN-NN` with ASCII digits, so a wrong shape and an impossible date get different messages.
  private static func isDateShaped(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard bytes.count == 10 else { return false }
    for (i, b) in bytes.enumerated() {
      let ok = (i == 4 || i == 7) ? b == UInt8(ascii: "-") : (48...57).contains(b)
      if !ok { return false }
    }
    return true
  }
}
