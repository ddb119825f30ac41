import Domain

extension Store {
  /// A new district node's first events: its own organisation, the holiday calendar, its admin.
  public func initialiseDistrict(
    organisation: Organisation, admin: Staff, holidays: String, actor: String
  ) throws {
    try write(actor: actor) { tx in
      try tx.append([
        OrganisationReducer.defined(organisation, position: 1),
        PeerReducer.registered(district: node),
      ])
      _ = try appendCalendar(tsv: holidays, source: "holidays.tsv", tx: tx)
      if let r = StaffReducer.checkNew(admin, existing: nil, orgExists: true) { throw r }
      try tx.append([
        EventDraft(stream: StaffReducer.stream(admin.login), type: .staffAdded, body: admin)
      ])
    }
  }
}
