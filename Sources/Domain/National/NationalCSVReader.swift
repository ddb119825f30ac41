import Foundation

/// 读国家标准数据集 — a CSV file as the provincial platforms hand them over (and as our export
/// writes them): UTF-8, an optional BOM, CRLF or LF line ends, RFC 4180 quoting. The first
/// record is the header of item names.
public struct NationalCSV: Equatable, Sendable {
  public var header: [String]
  /// Data records; `line(of:)` gives each one's line in the file for messages.
  public var rows: [[String]]
  var lines: [Int]

  /// The line in the file where data record `index` starts (1-based, the header being line 1).
  public func line(of index: Int) -> Int { lines[index] }

  /// The column of an item name, nil when the file has none.
  public func column(_ name: String) -> Int? { header.firstIndex(of: name) }

  /// Parses `data`; a refusal names the line of the first malformed record.
  public static func parse(_ data: Data, file: String) -> Result<NationalCSV, Refusal> {
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    guard let text = String(bytes: bytes, encoding: .utf8) else {
      return .failure(Refusal("\(file) 不是 UTF-8 编码的文本"))
    }
    var records: [[String]] = []
    var starts: [Int] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var afterQuote = false
    var line = 1
    var recordLine = 1
    var chars = Array(text.unicodeScalars)[...]
    func endRecord() {
      record.append(field)
      field = ""
      if !(record.count == 1 && record[0].isEmpty) {
        records.append(record)
        starts.append(recordLine)
      }
      record = []
    }
    while let c = chars.popFirst() {
      if quoted {
        if c == "\"" {
          if chars.first == "\"" {
            field.unicodeScalars.append(c)
            chars.removeFirst()
          } else {
            quoted = false
            afterQuote = true
          }
        } else {
          if c == "\n" { line += 1 }
          field.unicodeScalars.append(c)
        }
        continue
      }
      switch c {
      case "\"":
        guard field.isEmpty, !afterQuote else {
          return .failure(Refusal("\(file) 第\(line)行: 引号位置不对(字段中的引号应写成两个)"))
        }
        quoted = true
      case ",":
        record.append(field)
        field = ""
        afterQuote = false
      case "\r" where chars.first == "\n":
        break
      case "\n":
        endRecord()
        afterQuote = false
        line += 1
        recordLine = line
      default:
        guard !afterQuote else {
          return .failure(Refusal("\(file) 第\(line)行: 引号后应是逗号或换行"))
        }
        field.unicodeScalars.append(c)
      }
    }
    guard !quoted else { return .failure(Refusal("\(file) 第\(recordLine)行: 引号没有结束")) }
    if !field.isEmpty || !record.isEmpty { endRecord() }
    guard let header = records.first else { return .failure(Refusal("\(file) 是空文件")) }
    for (i, r) in records.enumerated() where r.count != header.count {
      return .failure(
        Refusal("\(file) 第\(starts[i])行: 有 \(r.count) 列,表头有 \(header.count) 列"))
    }
    return .success(
      NationalCSV(
        header: header, rows: Array(records.dropFirst()), lines: Array(starts.dropFirst())))
  }
}
