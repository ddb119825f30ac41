import Domain

extension Store {
  /// 单位全称与联系方式 — what notices print at their head and foot (`白银区市场监督管理局`, its
  /// address and phone). A redefinition of the organisation with these fields changed: its code,
  /// name, kind, node, parent and position stay. `nil` leaves a field as it is, `""` clears it.
  public func setOrganisationContact(
    _ code: String, fullName: String?, address: String?, phone: String?, by admin: Staff
  ) throws {
    try write(as: admin, .manageOrganisations, subject: "org/\(code)") { tx in
      try requireDistrict(for: "单位")
      guard var o = try organisationRecord(code) else { throw Refusal("单位「\(code)」不存在") }
      guard fullName != nil || address != nil || phone != nil else {
        throw Refusal("请指定 --full-name、--address 或 --phone")
      }
      func value(_ new: String?, _ old: String?) -> String? {
        guard let new else { return old }
        let t = new.trimmingSpacesAndNewlines()
        return t.isEmpty ? nil : t
      }
      o.fullName = value(fullName, o.fullName)
      o.address = value(address, o.address)
      o.phone = value(phone, o.phone)
      if let r = OrganisationReducer.checkContact(o) { throw r }
      let position = try db.fetchInt("SELECT position FROM org WHERE code = ?", [code])
      try tx.append([
        OrganisationReducer.defined(o, position: position)
      ])
    }
  }
}
