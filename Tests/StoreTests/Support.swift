import Domain
import Foundation
import Store
import TestSupport
import XCTest

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()
let repositoryShare = ShareDirectory(path: repositoryRoot.appendingPathComponent("share/zwfw").path)

func temporaryDirectory() -> URL { Scratch.directory("store") }

/// The district's supervisor: `Visibility` lets them list every organisation's cases.
let districtSupervisor = Staff(login: "chenjing", name: "陈静", org: "ZWZX", roles: [.supervisor])

/// A fixed instant in Beijing time.
func beijing(_ text: String) -> Date {
  DeploymentZone.shanghai.parseLocal(text) ?? Date(timeIntervalSince1970: 0)
}

/// A demo database in a fresh directory, with a fixed clock (a copy of the one built per process).
func makeDemo(now: String = "2026-11-26T09:30", login: String = "tester") throws -> (Store, URL) {
  let dir = temporaryDirectory()
  let path = dir.appendingPathComponent("demo.db").path
  let store = try DemoCopies.store(
    at: path, share: repositoryShare, login: login, now: beijing(now))
  return (store, dir)
}

func sha256(of path: String) -> String {
  SHA256.hex(SHA256.hash(Array(FileManager.default.contents(atPath: path) ?? Data())))
}

extension Store {
  /// A hotline complaint about `subject` concerning 王岘镇, registered and dispatched there by
  /// `staff`: what a township's import tests start from.
  func complaintDispatchedToWXZ(
    subject: String, content: String, complainant: String, contact: String, by staff: Staff
  ) throws -> String {
    let id = try registerComplaint(
      ComplaintDraft(
        channel: .hotline, type: .complaint, urgency: .ordinary, subject: subject,
        content: content, complainant: complainant, contact: contact, concernedOrg: "WXZ"),
      by: staff)
    try perform(ComplaintCommand.dispatch(org: "WXZ"), on: id, as: staff)
    return id
  }
}
