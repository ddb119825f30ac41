import Domain

/// What a case view lists after the case: the cases linked to it (关联案件, from either end) and
/// the same person's other cases; each only as far as the operator may see it.
public struct RelatedCaseList: Equatable, Sendable {
  public var linked: [FoundCase]
  public var samePerson: [FoundCase]

}

extension Store {
  /// The number of the case `text` names, with or without dashes, as recorded; nil for empty
  /// text; refused when this node holds no such case.
  func caseNumber(named text: String) throws -> String? {
    let n = FindKey.normalised(text)
    guard !n.isEmpty else { return nil }
    let probe = FindQuery.Probe(field: .number, key: FindKey.key(.number, n), prefix: false)
    guard let stream = try findStreams(probe).first else {
      throw Refusal("关联案件「\(FieldText.sanitizeForDisplay(text))」不存在,请核对案件编号")
    }
    return String(splitStream(stream).id)
  }

  /// 关联案件 and 同一证件号或电话的其他案件 of `caseID`, for its case view.
  public func relatedCases(of kind: FoundCase.Kind, _ caseID: String, for staff: Staff) throws
    -> RelatedCaseList
  {
    RelatedCaseList(
      linked: try linkedCases(of: kind, caseID, for: staff),
      samePerson: try otherCases(of: kind, caseID, for: staff))
  }

  /// The cases this one names as related, and those naming it: a link shows from both ends.
  func linkedCases(of kind: FoundCase.Kind, _ caseID: String, for staff: Staff) throws
    -> [FoundCase]
  {
    let stream = kind.rawValue + "/" + caseID
    let reader = try FoundCaseReader(store: self, staff: staff)
    var streams: [String] = []
    // Named here: each link key's number, as a case number.
    for key in try db.fetchAll(
      "SELECT key FROM case_find WHERE stream = ? AND key >= 'L:' AND key < 'L;'", [stream],
      { $0.text(0) })
    {
      let number = FindKey.key(.number, String(key.dropFirst(2)))
      streams += try findStreams(FindQuery.Probe(field: .number, key: number, prefix: false))
    }
    // Naming this one.
    for own in FindKey.link(caseID) {
      streams += try findStreams(FindQuery.Probe(field: .link, key: own, prefix: false))
    }
    var seen: Set<String> = [stream]
    var out: [FoundCase] = []
    for s in streams where seen.insert(s).inserted {
      if let c = try reader.read(stream: s, matchedBy: .link) { out.append(c) }
    }
    return out
  }
}
