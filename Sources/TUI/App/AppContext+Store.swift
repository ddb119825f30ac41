import Domain
import Store

extension AppContext {
  /// `staff` at work on `store` now: how the workstation, the benchmark and the tests build the
  /// context every pane reads.
  public init(store: Store, staff: Staff) throws {
    self.init(
      staff: staff, node: store.node, now: store.now, zone: store.zone, calendar: store.calendar,
      organisationName: try store.organisationName(staff.org) ?? staff.org)
  }
}
