/// 国家标准代码表 — one code table of GB/T 39046—2020 Appendix A (or the platform's own list, for
/// 证件类型 and 评价渠道): every value has the code the standard gives it and its name.
///
/// Codes are text, not integers: A.1 writes `01`, the 证件类型 list `001`, and a leading zero is part
/// of the code. Nothing may derive a code from an enum's raw value or position (A.8 numbers the
/// other way from our own rating scores); each value states its code here, once.
public protocol NationalCodeTable: CaseIterable, Hashable, Sendable {
  /// The code as written in the standard (`01`, `5`, `111`).
  var code: String { get }
  /// The name as written in the standard (`行政许可`, `非常满意`).
  var name: String { get }
}

extension NationalCodeTable {
  /// The value with this code; nil when the table has none.
  public static func coded(_ code: String) -> Self? {
    allCases.first { $0.code == code }
  }

  /// The value with this name; nil when the table has none.
  public static func named(_ name: String) -> Self? {
    allCases.first { $0.name == name }
  }
}
