import Domain
import Store

/// Timeline wording for case work (备注、认领、指派、转办), the same on every kind of case.
enum CaseWorkWording {
  static func describe(_ e: Event) throws -> String? {
    guard let decoded = CaseWorkChange.decode(e) else { return nil }
    switch try decoded.get() {
    case .noted(let b): return "\(b.kind.heading): \(b.text)"
    case .assigned(let b):
      return b.assignee == e.actor ? "认领,由本人经办" : "指派经办人 \(b.assignee)"
    case .redirected(let b): return "转办至\(b.orgName): \(b.reason)"
    case .corrected(let b):
      let field = CaseWorkWording.field(b.field, stream: e.stream)
      let old = field?.display(b.old) ?? b.old
      let new = b.name ?? field?.display(b.new) ?? b.new
      let limit = b.limitDays.map { ",办理时限改为\($0)个工作日" } ?? ""
      return "更正\(field?.title ?? b.field): 原为「\(old)」,改为「\(new)」\(limit)(理由: \(b.reason))"
    case .linked(let b):
      let kind = FoundCase.Kind(rawValue: b.kind)?.title ?? b.kind
      return "关联\(kind) \(b.caseID): \(b.reason)"
    case .unlinked(let b): return "取消与 \(b.caseID) 的关联: \(b.reason)"
    }
  }

  /// The correctable field `key` of the kind of case `stream` belongs to.
  static func field(_ key: String, stream: String) -> CorrectableField? {
    let fields: [CorrectableField]
    switch splitStream(stream).kind {
    case ComplaintMachine.streamKind: fields = ComplaintMachine.correctableFields
    case ApplicationMachine.streamKind: fields = ApplicationMachine.correctableFields
    case RectificationMachine.streamKind: fields = RectificationMachine.correctableFields
    default: fields = []
    }
    return fields.first { $0.key == key }
  }

  /// A note's line when the case's content is not the operator's to read (a confidential case
  /// before its recorded reveal): that a note was written, not what it says.
  static func withheld(_ e: Event) -> String? {
    guard case .success(.noted(let b))? = CaseWorkChange.decode(e) else { return nil }
    return "\(b.kind.heading)(保密案件,查看保密内容后显示)"
  }
}
