import Domain
import Store

/// Where a case view reads its related cases (查找's index); the store, or nothing for a
/// service that does not keep one (a test's fake).
public protocol RelatedCaseReader {
  func relatedCases(of kind: FoundCase.Kind, _ caseID: String, for staff: Staff) throws
    -> RelatedCaseList
}

extension Store: RelatedCaseReader {}

/// 关联案件 and 同一证件号或电话的其他案件 — the sections every case view ends with: the cases
/// linked to this one from either end, and the other applications, complaints and
/// rectifications naming the same ID number or phone, as far as the operator may see them (F7
/// opens any of them). Titled by what matches, not 同一人: a phone is often a family's or a
/// workplace's, so each line says which of the two it shares (the ID number when both).
enum RelatedCases {
  /// At most this many lines a section; the rest are counted (F7 lists them all).
  static let shown = 10

  /// The sections for `caseID`, read through `service` when it keeps the index; empty when
  /// there is nothing to show. A failed read is said, never hidden.
  static func lines(
    _ service: Any, _ kind: FoundCase.Kind, _ caseID: String, for staff: Staff
  ) -> [DetailLine] {
    guard let reader = service as? any RelatedCaseReader else { return [] }
    do {
      let r = try reader.relatedCases(of: kind, caseID, for: staff)
      return section("关联案件", r.linked) + section(samePersonTitle, r.samePerson, marked: true)
    } catch {
      return [.blank, .heading("关联案件"), .text("无法读取:" + CLI.message(for: error))]
    }
  }

  static let samePersonTitle = "同一证件号或电话的其他案件"

  /// - Parameter marked: each line says what it shares with the case (同证件号, 同电话).
  static func section(_ title: String, _ cases: [FoundCase], marked: Bool = false)
    -> [DetailLine]
  {
    guard !cases.isEmpty else { return [] }
    var out: [DetailLine] = [.blank, .heading("\(title)(\(cases.count)件,F7 查找编号可打开)")]
    for c in cases.prefix(shown) {
      let person = c.person.isEmpty ? "" : "  \(c.person)"
      let shared = marked ? "  同\(c.matchedBy == .idNumber ? "证件号" : "电话")" : ""
      out.append(
        .text(
          "\(c.caseID)  \(c.kind.title)\(shared)  \(c.status)\(person)  \(c.registeredOn)  \(c.title)"
        ))
    }
    if cases.count > shown { out.append(.text("另有\(cases.count - shown)件未列出")) }
    return out
  }
}
