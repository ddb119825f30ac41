import Domain

/// 合并 and 拆分 (第三十三条): both sides of the link change in one transaction.
extension Store {
  func mergeDrafts(_ source: Complaint, into primaryID: String, by staff: Staff, _ tx: WriteContext)
    throws -> [EventDraft]
  {
    let primaryID = primaryID.trimmingSpaces().uppercased()
    guard let primary = try complaint(id: primaryID) else {
      throw Refusal("主件 \(FieldText.sanitizeForDisplay(primaryID)) 不存在")
    }
    // A handler merges only within their own organisation; supervisors across organisations.
    if !staff.has(.supervisor), primary.handlingOrg != staff.org {
      throw Refusal("主件 \(primary.id) 由\(primary.handlingOrgName)办理,只能合并本单位办理的投诉建议")
    }
    return [
      try decided(
        source,
        .merged(into: primary.id, org: primary.handlingOrg, orgName: primary.handlingOrgName),
        id: source.id, tx),
      try decided(primary, .mergeAccepted(from: source.id), id: primary.id, tx),
    ]
  }

  func splitDrafts(_ source: Complaint, _ tx: WriteContext) throws -> [EventDraft] {
    guard source.status == .merged, let primaryID = source.mergedInto,
      let primary = try complaint(id: primaryID)
    else {
      throw Refusal("\(source.id) 没有并入其他投诉建议,无需拆分")
    }
    return [
      try decided(source, .split(from: primary.id), id: source.id, tx),
      try decided(primary, .mergeReleased(of: source.id), id: primary.id, tx),
    ]
  }
}
