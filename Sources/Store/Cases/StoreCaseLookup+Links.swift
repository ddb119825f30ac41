import Domain

/// 关联: the case a clerk names is found as F7 finds it, within what they may see.
extension StoreCaseLookup {
  func linkTarget(_ text: String, for staff: Staff) throws -> CaseLinkTarget {
    let query = try FindQuery.parse(text).get()
    let found = try store.find(query, for: staff, limit: 20).cases
    let shown = FieldText.sanitizeForDisplay(text)
    // A whole number names its case even when its digits are also another's tail or a phone.
    let whole = found.filter { FindKey.normalised($0.caseID) == query.text }
    guard let c = whole.count == 1 ? whole[0] : found.count == 1 ? found[0] : nil else {
      if found.isEmpty { throw Refusal("找不到「\(shown)」对应的案件(或无权查看),请核对案件编号") }
      let numbers = found.prefix(3).map(\.caseID).joined(separator: "、")
      throw Refusal(
        "「\(shown)」对应\(found.count)件(\(numbers)\(found.count > 3 ? "等" : "")),请输入完整的案件编号")
    }
    return CaseLinkTarget(
      kind: c.kind.rawValue, caseID: c.caseID, kindTitle: c.kind.title, title: c.title)
  }

  func linksBack(_ target: CaseLinkTarget, to caseID: String) throws -> Bool {
    guard let key = FindKey.link(caseID).first else { return false }
    return try store.db.fetchOne(
      "SELECT 1 FROM case_find WHERE stream = ? AND key = ?",
      [target.kind + "/" + target.caseID, key]
    ) { _ in true } ?? false
  }
}
