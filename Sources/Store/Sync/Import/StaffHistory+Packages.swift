import Domain

extension StaffHistory {
  /// 一件事: a package and the member sub-cases registered with it are the service centre's
  /// counter's to write (一窗受理 for every department) — whoever's bundle carries them, the actor
  /// must have been a counter clerk of a centre organisation. `.some(nil)` when allowed, nil when
  /// `e` is neither a package event nor a member's registration.
  func packageVerdict(_ e: Event, _ staff: Staff) throws -> String?? {
    let isPackage = SyncScope.kind(of: e.stream) == PackageReducer.streamKind
    let isMember =
      e.type == .applicationRegistered
      && (try? e.decode(ApplicationRegistered.self))?.package != nil
    guard isPackage || isMember else { return nil }
    if isPackage, e.type != .packageRegistered { return .some("没有任何操作会写入 \(e.type) 事件") }
    if let r = Permission.check(staff, .registerPackage, organisation: staff.org) {
      return .some(r.message)
    }
    guard try store.isServiceCentre(staff.org) else {
      return .some("\(staff.name)不是政务服务中心的窗口人员,一件事只能由中心综合窗口登记")
    }
    return .some(nil)
  }
}
