import Domain

/// 统一社会信用代码 of organisations (GB 32100): recorded by `org.creditCodeSet` events, folded
/// from each organisation's journal stream like its 全称 and contact (no projected column).
extension Store {
  /// Every organisation in list order, with what only its journal holds (全称, address, phone,
  /// credit code).
  public func organisationRecords() throws -> [Organisation] {
    try organisations().map { listed in
      var o = try organisationRecord(listed.code) ?? listed
      o.disabled = listed.disabled
      return o
    }
  }

  /// 登记或更正统一社会信用代码 (`zwfw org set CODE --credit-code C`, district admin).
  public func setOrganisationCreditCode(_ code: String, _ creditCode: String, by admin: Staff)
    throws
  {
    try write(as: admin, .manageOrganisations, subject: "org/\(code)") { tx in
      try requireDistrict(for: "单位")
      guard let o = try organisationRecord(code) else { throw Refusal("单位「\(code)」不存在") }
      let draft = try creditCodeDraft(code, creditCode, others: organisationRecords())
      if o.creditCode == CreditCode.normalize(creditCode) {
        throw Refusal("单位「\(o.name)」的统一社会信用代码已是 \(o.creditCode ?? "")")
      }
      try tx.append([draft])
    }
  }

  /// The `org.creditCodeSet` event for `code`, checked: a valid code that no other organisation
  /// already carries (two organisations never share one; the export matches on it).
  func creditCodeDraft(_ code: String, _ creditCode: String, others: [Organisation]) throws
    -> EventDraft
  {
    let normalized: String
    switch OrganisationReducer.checkCreditCode(creditCode) {
    case .success(let value): normalized = value
    case .failure(let refusal): throw refusal
    }
    if let same = others.first(where: { $0.code != code && $0.creditCode == normalized }) {
      throw Refusal("统一社会信用代码 \(normalized) 已是单位「\(same.name)」(\(same.code))的代码")
    }
    return OrganisationReducer.creditCodeSet(code, to: normalized)
  }
}
