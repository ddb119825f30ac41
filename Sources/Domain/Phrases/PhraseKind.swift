/// 常用语类别 — which kind of multi-line field a 常用语 is written for. Named after the fields
/// the workstation's forms have: a template offered in the 办理结果 of a complaint is a
/// conclusion, the one in 回访记录 a callback note, and so on. A field that is none of these takes
/// 其他说明.
///
/// The raw value is stored in events and the `phrase` table: never rename one.
public enum PhraseKind: String, CaseIterable, Codable, Sendable, Comparable {
  /// 办理结论: a complaint's 办理结果 and 认定依据, an application's 结果说明.
  case conclusion
  /// 回访记录: the callback of a complaint or a bad review.
  case callback
  /// 督办要求: what a 督办 notice asks of the organisation.
  case supervision
  /// 督办回复: the organisation's reply to a 督办 notice.
  case reply
  /// 不予受理理由: of an application or a complaint.
  case refusal
  /// 退回理由: a complaint sent back to the supervisor.
  case returnReason = "return"
  /// 补正说明: what a one-time notice (一次性告知) asks the applicant to supply.
  case supplement
  /// 延期理由: a complaint's or a rectification's extension, an application's 延长审批.
  case extensionReason = "extension"
  /// 审核意见: 预审、审查、复核、审批 opinions.
  case opinion
  /// 核实情况: what the verification of a bad review found.
  case findings
  /// 整改措施
  case measures
  /// 备注: an internal note or a progress entry (case work).
  case note
  /// 其他说明: every other multi-line field.
  case other

  public var title: String {
    switch self {
    case .conclusion: return "办理结论"
    case .callback: return "回访记录"
    case .supervision: return "督办要求"
    case .reply: return "督办回复"
    case .refusal: return "不予受理理由"
    case .returnReason: return "退回理由"
    case .supplement: return "补正说明"
    case .extensionReason: return "延期理由"
    case .opinion: return "审核意见"
    case .findings: return "核实情况"
    case .measures: return "整改措施"
    case .note: return "备注"
    case .other: return "其他说明"
    }
  }

  /// A kind as an admin types it: its code (`conclusion`) or its title (`办理结论`).
  public static func parse(_ text: String) -> Result<PhraseKind, Refusal> {
    let t = text.trimmingSpaces()
    if let k = PhraseKind(rawValue: t) ?? allCases.first(where: { $0.title == t }) {
      return .success(k)
    }
    let known = allCases.map { "\($0.rawValue)(\($0.title))" }.joined(separator: " ")
    return .failure(Refusal("常用语类别「\(FieldText.sanitizeForDisplay(t))」无效,可用: \(known)"))
  }

  /// The kind of a form's multi-line field, by the label the clerk reads beside it: one table,
  /// so a new form's field takes its templates without the pane naming a kind (an unlisted
  /// label is 其他说明).
  public static func forField(label: String) -> PhraseKind {
    fieldLabels[label] ?? .other
  }

  static let fieldLabels: [String: PhraseKind] = [
    "办理结果": .conclusion, "认定依据": .conclusion, "结果说明": .conclusion,
    "回访记录": .callback,
    "督办要求": .supervision,
    "回复内容": .reply,
    "不予受理理由": .refusal,
    "退回理由": .returnReason,
    "补正说明": .supplement, "其他说明": .supplement,
    "延期理由": .extensionReason, "延长理由": .extensionReason,
    "预审意见": .opinion, "审查意见": .opinion, "复核意见": .opinion, "审批意见": .opinion,
    "意见": .opinion,
    "核实情况": .findings,
    "整改措施": .measures,
    "备注": .note,
  ]

  public static func < (a: PhraseKind, b: PhraseKind) -> Bool {
    (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
  }
}
