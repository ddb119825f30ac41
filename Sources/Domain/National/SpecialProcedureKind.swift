/// 特别程序种类 — GB/T 39046—2020 A.7 特别程序种类代码.
public enum SpecialProcedureKind: String, NationalCodeTable, Codable {
  /// 延长审批 (行政许可法 第四十二条)
  case extendedReview
  /// Every other special procedure: 勘验、听证、检验检测、专家评审 (行政许可法 第四十五条).
  case other

  public var code: String { self == .extendedReview ? "1" : "2" }

  public var name: String { self == .extendedReview ? "延长审批" : "除延长审批之外的情况" }

  /// Every clock stop of ours is a procedure other than 延长审批.
  public init(_: ClockStopKind) {
    self = .other
  }
}
