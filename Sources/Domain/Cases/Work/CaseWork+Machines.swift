/// Each kind of case keeps case work: which organisation works it and what an assignment or a
/// redirection changes in its own state. Everything else is `CaseWorkMachine`'s, once.
extension Complaint: CaseWorkState {
  public var work: CaseWork {
    get { caseWork ?? CaseWork() }
    set { caseWork = newValue }
  }
}

extension Application: CaseWorkState {
  public var work: CaseWork {
    get { caseWork ?? CaseWork() }
    set { caseWork = newValue }
  }
}

extension Rectification: CaseWorkState {
  public var work: CaseWork {
    get { caseWork ?? CaseWork() }
    set { caseWork = newValue }
  }
}

extension ComplaintMachine: CaseWorkMachine {
  public static func caseID(_ c: Complaint) -> String { c.id }

  public static func workingOrganisation(_ c: Complaint) -> (code: String, name: String) {
    (c.handlingOrg, c.handlingOrgName)
  }

  /// The desk that registered it keeps writing down calls about it.
  public static func noteOrganisations(_ c: Complaint) -> [String] {
    [c.registration.registeringOrg]
  }

  public static func isOpen(_ c: Complaint) -> Bool { c.status.isOpen }

  /// The related case named at registration (a 取消关联 may remove it).
  public static func registeredLinks(_ c: Complaint) -> [String] {
    c.registration.relatedCase.map { [$0] } ?? []
  }

  /// The case's handler is its assignee: the clerk who acted on it, or whom it was assigned to
  /// (the 我的 queue and the deadline board name them).
  public static func assignee(_ c: Complaint) -> String? { c.handler }

  public static func assigned(_ c: inout Complaint, to login: String) { c.handler = login }

  /// Only a case in handling moves; one waiting for dispatch is dispatched (第三十三条).
  public static func redirectRefusal(_ c: Complaint) -> Refusal? {
    switch c.status {
    case .handling, .rectifying: return nil
    case .awaitingDispatch: return Refusal("\(c.id) 尚未分派,请用「分派」")
    default: return Refusal("\(c.id) 当前为「\(c.status.title)」,不能转办")
    }
  }

  /// The new organisation works the case from the day of the redirection, against the same
  /// deadline: the regulation gives a redirected case no new limit. It was not dispatched to
  /// them, so there is no return window (第三十三条 is the dispatch's).
  public static func redirected(
    _ c: inout Complaint, to org: String, name: String, on date: CivilDate
  ) {
    c.handlingOrg = org
    c.handlingOrgName = name
    c.handler = nil
    c.dispatchedOn = date
    c.returnUntil = nil
    // An extension the old organisation asked for is theirs: it lapses with the case.
    if c.extensionRequest?.state == .pending { c.extensionRequest?.state = .withdrawn }
  }
}

extension ApplicationMachine: CaseWorkMachine {
  public static func caseID(_ a: Application) -> String { a.caseID }

  public static func workingOrganisation(_ a: Application) -> (code: String, name: String) {
    (a.item.organisation, a.item.organisationName)
  }

  public static func noteOrganisations(_ a: Application) -> [String] { [a.registeredOrg] }

  public static func isOpen(_ a: Application) -> Bool { a.status.isOpen }

  /// The assignee joins the case's actors: 我的 lists it for them.
  public static func assigned(_ a: inout Application, to login: String) {
    if !a.actors.contains(login) {
      a.actors.append(login)
      a.actors.sort()
    }
  }
}

extension RectificationMachine: CaseWorkMachine {
  public static func caseID(_ s: Rectification) -> String { s.id }

  public static func workingOrganisation(_ s: Rectification) -> (code: String, name: String) {
    (s.organisation, s.organisation)
  }

  public static func isOpen(_ s: Rectification) -> Bool { s.phase != .closed }

  /// The application the rating was about: the case itself, never unlinked.
  public static func fixedLinks(_ s: Rectification) -> [String] {
    s.rating.serviceCaseID.map { [$0] } ?? []
  }
}
