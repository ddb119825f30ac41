import Domain

extension Store {
  /// A new district node's first events: its own organisation, the holiday calendar, its admin.
  public func initialiseDistrict(
    organisation: Organisation, admin: Staff, holidays: String, actor: String
  ) throws {
    try write(actor: actor) { tx in
      try tx.append([
        EventDraft(
          stream: OrganisationReducer.stream(organisation.code), type: .orgDefined,
          body: OrganisationDefined(organisation: organisation, position: 1)),
        EventDraft(
          stream: PeerReducer.stream(node.code), type: .peerRegistered,
          body: PeerNode(
            code: node.code, name: node.name, isDistrict: true, region: node.region)),
      ])
      _ = try appendCalendar(tsv: holidays, source: "holidays.tsv", tx: tx)
      if let r = StaffReducer.checkNew(admin, existing: nil, orgExists: true) { throw r }
      try tx.append([
        EventDraft(stream: StaffReducer.stream(admin.login), type: .staffAdded, body: admin)
      ])
    }
  }
}
