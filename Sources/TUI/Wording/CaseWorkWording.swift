import Domain

/// Timeline wording for case work (备注、认领、指派、转办), the same on every kind of case.
enum CaseWorkWording {
  static func describe(_ e: Event) throws -> String? {
    guard let decoded = CaseWorkChange.decode(e) else { return nil }
    switch try decoded.get() {
    case .noted(let b): return "\(b.kind.heading): \(b.text)"
    case .assigned(let b):
      return b.assignee == e.actor ? "认领,由本人经办" : "指派经办人 \(b.assignee)"
    case .redirected(let b): return "转办至\(b.orgName): \(b.reason)"
    }
  }

  /// A note's line when the case's content is not the operator's to read (a confidential case
  /// before its recorded reveal): that a note was written, not what it says.
  static func withheld(_ e: Event) -> String? {
    guard case .success(.noted(let b))? = CaseWorkChange.decode(e) else { return nil }
    return "\(b.kind.heading)(保密案件,查看保密内容后显示)"
  }
}
