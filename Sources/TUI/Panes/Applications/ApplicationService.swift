import Domain
import Foundation
import Store

/// A case as its detail view shows it: the fold, its events and the names to show for logins.
public struct ApplicationView: Equatable, Sendable {
  public var application: Application
  public var events: [Event]
  public var names: [String: String]
  public var organisationNames: [String: String]

}

/// What a step did: the case now, and what became of the notices it issued.
public struct ApplicationOutcome: Equatable, Sendable {
  public var application: Application
  public var deliveries: [NoticeDelivery]

}

/// 受理登记 pane's narrow door to the database (a fake in render tests).
public protocol ApplicationService: CaseWorkService {
  /// One page of a queue: `limit` rows from `offset`.
  func queue(
    _ queue: ApplicationQueue, for staff: Staff, search: String, sort: ApplicationSort,
    offset: Int, limit: Int
  ) throws -> [ApplicationRow]
  func queueCounts(for staff: Staff) throws -> [ApplicationQueue: Int]
  func view(caseID: String, for staff: Staff) throws -> ApplicationView?
  /// Catalog items matching what the clerk typed (name or code).
  func searchItems(_ text: String) throws -> [DirectoryItem]
  func register(_ input: RegistrationInput, by staff: Staff) throws -> ApplicationOutcome
  func perform(_ command: ApplicationCommand, caseID: String, by staff: Staff) throws
    -> ApplicationOutcome
  /// Writes (and prints) a notice of the case again.
  func reproduce(notice number: String, caseID: String, by staff: Staff) throws -> NoticeDelivery
  /// Records the deemed acceptances now due; returns their case numbers.
  func recordDeemedAcceptances() throws -> [String]
  /// Why the operator may not take this step on the case now, or nil.
  func availability(
    _ step: ApplicationStep, on a: Application, for staff: Staff, at now: Date
  ) -> Refusal?
}

/// The real service: the store, the catalog behind `ItemDirectory`, the notice templates.
public final class StoreApplicationService: ApplicationService {
  let store: Store
  let items: ItemDirectory
  let share: ShareDirectory?
  /// Why the templates were not found, said on every notice that cannot be produced.
  let shareProblem: String?

  public init(store: Store, items: ItemDirectory, share: ShareDirectory?) {
    self.store = store
    self.items = items
    self.share = share
    self.shareProblem = nil
  }

  /// The workstation's service: the store's own catalog, the templates found beside the program.
  public init(store: Store) {
    self.store = store
    self.items = store
    do {
      self.share = try ShareDirectory.locate()
      self.shareProblem = nil
    } catch {
      self.share = nil
      self.shareProblem = CLI.message(for: error)
    }
  }

  public func queue(
    _ queue: ApplicationQueue, for staff: Staff, search: String, sort: ApplicationSort,
    offset: Int, limit: Int
  ) throws -> [ApplicationRow] {
    try store.applicationQueue(
      queue, for: staff, search: search, sort: sort, offset: offset, limit: limit)
  }

  public func queueCounts(for staff: Staff) throws -> [ApplicationQueue: Int] {
    try store.applicationQueueCounts(for: staff)
  }

  public func view(caseID: String, for staff: Staff) throws -> ApplicationView? {
    guard let d = try store.applicationDetail(caseID: caseID, for: staff) else { return nil }
    var names = try store.staffNames()
    names[ApplicationMachine.systemActor] = "系统"
    return ApplicationView(
      application: d.application, events: d.events, names: names,
      organisationNames: try store.organisationNames())
  }

  public func searchItems(_ text: String) throws -> [DirectoryItem] {
    try items.searchDirectory(text, limit: 50)
  }

  public func register(_ input: RegistrationInput, by staff: Staff) throws -> ApplicationOutcome {
    let r = try store.registerApplication(input, items: items, by: staff)
    return ApplicationOutcome(application: r.application, deliveries: [])
  }

  public func perform(_ command: ApplicationCommand, caseID: String, by staff: Staff) throws
    -> ApplicationOutcome
  {
    let r = try store.perform(command, on: caseID, as: staff)
    // The transaction has committed: a failure from here on is a message, never a rollback.
    return ApplicationOutcome(
      application: r.application,
      deliveries: r.notices.map { deliver($0, of: r.application) })
  }

  public func reproduce(notice number: String, caseID: String, by staff: Staff) throws
    -> NoticeDelivery
  {
    guard let d = try store.applicationDetail(caseID: caseID, for: staff),
      let n = d.application.notices.first(where: { $0.number == number })
    else { throw Refusal("办件\(caseID)没有文书\(number)") }
    if let r = store.applicationPermission(
      ApplicationActions.reproduceNotice, on: d.application, by: staff)
    {
      store.logRefusal(
        actor: staff.login, action: ApplicationActions.reproduceNotice,
        subject: ApplicationMachine.stream(caseID), reason: r.message)
      throw r
    }
    return deliver(n, of: d.application)
  }

  public func recordDeemedAcceptances() throws -> [String] {
    try store.recordDeemedAcceptances()
  }

  public func availability(
    _ step: ApplicationStep, on a: Application, for staff: Staff, at now: Date
  ) -> Refusal? {
    store.availability(step, on: a, for: staff, at: now)
  }

  func deliver(_ notice: IssuedNotice, of a: Application) -> NoticeDelivery {
    guard let share else {
      return NoticeDelivery(
        notice: notice, path: nil,
        problems: [shareProblem ?? "找不到文书模板目录 share/zwfw/notices,请设置 ZWFW_SHARE"])
    }
    do {
      let office = try store.noticeOffice(share: share)
      return office.produce(notice, of: a, names: try store.staffNames())
    } catch {
      return NoticeDelivery(
        notice: notice, path: nil, problems: [CLI.message(for: error)])
    }
  }
}
