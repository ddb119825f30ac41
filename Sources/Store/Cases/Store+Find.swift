import Domain

/// 查找结果 — one case found, as the operator may read it: identifiers masked, and the person
/// and subject of a case whose content is not theirs left out.
public struct FoundCase: Equatable, Sendable {
  public enum Kind: String, CaseIterable, Sendable {
    case application, complaint, rectification

    /// The stream kind is the case kind's name.
    public init?(stream: String) { self.init(rawValue: String(splitStream(stream).kind)) }

    public var title: String {
      switch self {
      case .application: return "办件"
      case .complaint: return "投诉建议"
      case .rectification: return "差评整改"
      }
    }
  }

  public var kind: Kind
  public var caseID: String
  /// The item's name, the complaint's subject; empty when the operator may not read it.
  public var title: String
  /// Applicant, complainant or reviewer; empty when anonymous or not the operator's to read.
  public var person: String
  /// The phone, masked (`138****5678`).
  public var phone: String
  public var status: String
  public var isOpen: Bool
  public var organisationName: String
  public var registeredOn: String
  /// Why it was found (the first key that matched).
  public var matchedBy: FindKey.Field
}

/// Everything a search found that the operator may see, newest first.
public struct FindResult: Equatable, Sendable {
  public var cases: [FoundCase]
  /// More matched than are listed: the clerk should type more.
  public var truncated: Bool
}

extension Store {
  /// Keys read per index range: past this a search is too broad to list, and says so.
  static let findKeyCap = 400

  /// 查找 — the cases `query` finds among applications, complaints and rectifications, open
  /// and concluded, that `staff` may see (`Visibility`).
  ///
  /// - Complexity: each probe is one range of `case_find_by_key` (at most `findKeyCap` rows),
  ///   then each case found is read by its primary key; no table is scanned.
  public func find(_ query: FindQuery, for staff: Staff, limit: Int = 100) throws -> FindResult {
    var matched: [String: FindKey.Field] = [:]
    var order: [String] = []
    var truncated = false
    for probe in query.probes {
      let streams = try findStreams(probe)
      truncated = truncated || streams.count >= Self.findKeyCap
      for s in streams where matched[s] == nil {
        matched[s] = probe.field
        order.append(s)
      }
    }
    var found: [FoundCase] = []
    let reader = try FoundCaseReader(store: self, staff: staff)
    for stream in order {
      guard let field = matched[stream],
        let c = try reader.read(stream: stream, matchedBy: field)
      else { continue }
      found.append(c)
    }
    found.sort { ($0.registeredOn, $0.caseID) > ($1.registeredOn, $1.caseID) }
    if found.count > limit {
      found.removeLast(found.count - limit)
      truncated = true
    }
    return FindResult(cases: found, truncated: truncated)
  }

  /// 同一证件号或电话的其他案件 — the other cases naming the same ID number or phone as `caseID`
  /// of `kind`, that `staff` may see; each found by the ID number when it shares both.
  public func otherCases(of kind: FoundCase.Kind, _ caseID: String, for staff: Staff)
    throws -> [FoundCase]
  {
    let stream = kind.rawValue + "/" + caseID
    let reader = try FoundCaseReader(store: self, staff: staff)
    // Only where the operator reads the case's person: a confidential complaint's other cases
    // would name its complainant.
    guard let own = try reader.read(stream: stream, matchedBy: .number), !own.person.isEmpty
    else { return [] }
    let keys = try db.fetchAll(
      "SELECT key FROM case_find WHERE stream = ? AND (key >= 'I:' AND key < 'I;' OR key >= 'P:' AND key < 'P;') ORDER BY key",
      [stream]
    ) { $0.text(0) }
    var seen: Set<String> = [stream]
    var out: [FoundCase] = []
    for key in keys {
      guard let field = FindKey.field(of: key) else { continue }
      let probe = FindQuery.Probe(field: field, key: key, prefix: false)
      for s in try findStreams(probe) where seen.insert(s).inserted {
        if let c = try reader.read(stream: s, matchedBy: field) { out.append(c) }
      }
    }
    return out.sorted { ($0.registeredOn, $0.caseID) > ($1.registeredOn, $1.caseID) }
  }

  /// The streams one probe's index range holds.
  func findStreams(_ probe: FindQuery.Probe) throws -> [String] {
    let (sql, args) = Self.findSQL(probe)
    return try db.fetchAll(sql, args + [Self.findKeyCap], cached: true) { $0.text(0) }
  }

  /// One probe as SQL over `case_find_by_key` (its LIMIT bound last).
  static func findSQL(_ probe: FindQuery.Probe) -> (String, [any SQLBindable]) {
    guard probe.prefix else {
      return ("SELECT stream FROM case_find WHERE key = ? LIMIT ?", [probe.key])
    }
    // Every key starting with the prefix sorts below the prefix followed by U+10FFFF.
    return (
      "SELECT stream FROM case_find WHERE key >= ? AND key < ? LIMIT ?",
      [probe.key, probe.key + "\u{10FFFF}"]
    )
  }
}

/// Reads one found case by its primary key, with the operator's visibility applied.
struct FoundCaseReader {
  let store: Store
  let visibility: Visibility
  let atServiceCentre: Bool
  let names: [String: String]

  init(store: Store, staff: Staff) throws {
    self.store = store
    visibility = Visibility(staff)
    atServiceCentre = try store.isServiceCentre(staff.org)
    names = try store.organisationNames()
  }

  func read(stream: String, matchedBy field: FindKey.Field) throws -> FoundCase? {
    guard let kind = FoundCase.Kind(stream: stream) else { return nil }
    let id = String(splitStream(stream).id)
    switch kind {
    case .application: return try application(id, field)
    case .complaint: return try complaint(id, field)
    case .rectification: return try rectification(id, field)
    }
  }

  func application(_ id: String, _ field: FindKey.Field) throws -> FoundCase? {
    try store.db.fetchOne(
      "application", key: id,
      """
      SELECT item_name, applicant_name, phone, status_text, is_open, org, registered_org,
        registered_on
      FROM application WHERE case_id = ?
      """, [id], cached: true
    ) { r -> FoundCase? in
      let org: String = try r.decode("org")
      guard
        visibility.mayOpenApplication(
          implementingOrg: org, registeredOrg: try r.decode("registered_org"),
          atServiceCentre: atServiceCentre)
      else { return nil }
      return FoundCase(
        kind: .application, caseID: id, title: try r.decode("item_name"),
        person: try r.decode("applicant_name"), phone: PhoneNumber.mask(try r.decode("phone")),
        status: try r.decode("status_text"), isOpen: try r.decode("is_open"),
        organisationName: names[org] ?? org, registeredOn: try r.decode("registered_on"),
        matchedBy: field)
    } ?? nil
  }

  /// A complaint of the operator's organisation (handling or registering), or any for a
  /// supervisor. A confidential one of another handling organisation shows its number only,
  /// and is found only by its number: its complainant's name or phone must not confirm it.
  func complaint(_ id: String, _ field: FindKey.Field) throws -> FoundCase? {
    try store.db.fetchOne(
      "complaint", key: id,
      """
      SELECT subject, complainant, contact, status, handling_org, registering_org,
        confidentiality, registered_on, no_callback
      FROM complaint WHERE case_id = ?
      """, [id], cached: true
    ) { r -> FoundCase? in
      let handling: String = try r.decode("handling_org")
      let registering: String = try r.decode("registering_org")
      guard visibility.mayList(handling) || visibility.mayList(registering) else { return nil }
      let confidential: Confidentiality = try r.decode("confidentiality")
      let content = visibility.content(confidential: confidential != .none, handlingOrg: handling)
      if content != .full, field != .number, field != .numberTail, field != .ticket {
        return nil
      }
      let statusCode: String = try r.decode("status")
      let status = ComplaintStatus(rawValue: statusCode)
      let (subject, complainant, contact): (String, String, String) = (
        try r.decode("subject"), try r.decode("complainant"), try r.decode("contact")
      )
      return FoundCase(
        kind: .complaint, caseID: id, title: content == .hidden ? "" : subject,
        person: content == .full ? complainant : "",
        phone: content == .full ? PhoneNumber.mask(contact) : "",
        status: status?.title(notCalledBack: try r.decode("no_callback")) ?? statusCode,
        isOpen: status?.isOpen ?? false, organisationName: names[handling] ?? handling,
        registeredOn: try r.decode("registered_on"), matchedBy: field)
    } ?? nil
  }

  func rectification(_ id: String, _ field: FindKey.Field) throws -> FoundCase? {
    try store.db.fetchOne(
      "rectification", key: id,
      """
      SELECT x.item_name, g.reviewer_name, g.reviewer_phone, x.state, x.phase, x.org, x.opened_on
      FROM rectification x JOIN rating g ON g.id = x.rating_id WHERE x.id = ?
      """, [id], cached: true
    ) { r -> FoundCase? in
      let org: String = try r.decode("org")
      guard visibility.mayList(org) else { return nil }
      let phase: RectificationPhase = try r.decode("phase")
      return FoundCase(
        kind: .rectification, caseID: id, title: try r.decode("item_name"),
        person: try r.decode("reviewer_name", as: String?.self) ?? "",
        phone: try r.decode("reviewer_phone", as: String?.self).map(PhoneNumber.mask) ?? "",
        status: try r.decode("state"), isOpen: phase != .closed,
        organisationName: names[org] ?? org, registeredOn: try r.decode("opened_on"),
        matchedBy: field)
    } ?? nil
  }
}
