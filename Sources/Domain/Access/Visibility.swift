/// 可见范围 — which cases a staff member may list, open and read in full.
///
/// The one rule every query of the store applies: a pane never chooses an organisation or masks
/// a field itself. Supervisors (督办) see the whole district; anyone else sees their own
/// organisation's cases. A confidential complaint's content is for its handling organisation and
/// the supervisors only, and even they read it after a reveal that is recorded (第二十九条).
public struct Visibility: Equatable, Sendable {
  public let staff: Staff

  public init(_ staff: Staff) { self.staff = staff }

  /// Supervisors see every organisation's cases (a disabled account has no role, so no reach).
  public var seesEveryOrganisation: Bool { staff.has(.supervisor) }

  /// The organisation lists are limited to; nil: every organisation.
  public var organisation: String? { seesEveryOrganisation ? nil : staff.org }

  /// The organisation a list is limited to when the operator asks for `requested` (nil: all):
  /// a supervisor gets what they ask for, anyone else their own organisation whatever they ask.
  public func organisation(requested: String?) -> String? {
    organisation ?? requested
  }

  /// Whether a list may show a case of `org`.
  public func mayList(_ org: String) -> Bool { organisation.map { $0 == org } ?? true }

  /// 内容可见程度 — how much of a case's content the operator reads.
  public enum Content: Equatable, Sendable {
    /// Its number, badges and status only: a confidential case of another organisation.
    case hidden
    /// Its subject; the content waits for a reveal that the journal records.
    case onReveal
    /// Everything (contact numbers whole only where `wholeContact` says so).
    case full
  }

  /// How much of a case handled by `handlingOrg` the operator reads; `revealed` when the
  /// journal holds their own recorded view of it (only that opens a confidential case's content).
  public func content(confidential: Bool, handlingOrg: String, revealed: Bool = false) -> Content {
    guard confidential else { return .full }
    guard mayReadConfidential(handlingOrg: handlingOrg) else { return .hidden }
    return revealed ? .full : .onReveal
  }

  /// A confidential case's content is its handling organisation's and the supervisors'.
  public func mayReadConfidential(handlingOrg: String) -> Bool {
    seesEveryOrganisation || staff.org == handlingOrg
  }

  /// Whole contact numbers are for the handling organisation and the supervisors; anyone else
  /// reads them masked.
  public func wholeContact(handlingOrg: String) -> Bool {
    mayReadConfidential(handlingOrg: handlingOrg)
  }

  /// Who may open an application (and see the applicant's whole ID and phone): the
  /// implementing and the registering organisation, the service centre's counters, supervisors.
  public func mayOpenApplication(
    implementingOrg: String, registeredOrg: String, atServiceCentre: Bool
  ) -> Bool {
    if staff.disabled { return false }
    if staff.roles.contains(.supervisor) { return true }
    if staff.org == implementingOrg || staff.org == registeredOrg { return true }
    return atServiceCentre && staff.roles.contains(.counter)
  }
}
