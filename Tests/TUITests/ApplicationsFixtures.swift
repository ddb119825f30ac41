import Domain
import Foundation
import Store
import TestSupport
import XCTest

@testable import TUI

/// The demo database (its catalog and applications) with the intake desk wired to it, at a
/// fixed clock.
final class IntakeDesk {
  let dir = temporaryDirectory()
  let store: Store
  var now: Date
  let service: StoreApplicationService

  init(now: String = "2026-11-26T09:30") throws {
    let when = DeploymentZone.shanghai.parseLocal(now) ?? Date()
    self.now = when
    store = try DemoCopies.store(
      at: dir.appendingPathComponent("demo.db").path, share: repositoryShare, now: when)
    service = StoreApplicationService(store: store, items: store, share: repositoryShare)
    store.clock = { [unowned self] in self.now }
  }

  deinit { try? FileManager.default.removeItem(at: dir) }

  func at(_ text: String) {
    now = DeploymentZone.shanghai.parseLocal(text) ?? now
  }

  func staff(_ login: String) throws -> Staff {
    guard let s = try store.staff(login: login) else { throw Refusal("no \(login)") }
    return s
  }

  func context(_ login: String) throws -> AppContext {
    makeContext(
      now: "\(DeploymentZone.shanghai.civilDate(now).iso)T09:30", staff: try staff(login))
  }

  func register(
    _ name: String, id: String, phone: String = "13809431234", by login: String,
    item: String = "SCJG-DJ-001", channel: ApplicationChannel = .counter,
    materials: [MaterialStatus]? = nil
  ) throws -> String {
    let found = try store.directoryItem(code: item)
    let m = materials ?? found?.snapshot.materials.map(MaterialStatus.initial(for:)) ?? []
    return try store.registerApplication(
      RegistrationInput(
        itemCode: item,
        applicant: Applicant(kind: .person, name: name, idNumber: id, phone: phone),
        channel: channel, materials: m),
      items: store, by: try staff(login)
    ).application.caseID
  }

  func run(_ command: ApplicationCommand, _ caseID: String, by login: String) throws {
    _ = try store.perform(command, on: caseID, as: try staff(login))
  }
}
