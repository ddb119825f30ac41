import Domain
import Foundation
import Store
import TestSupport

@testable import TUI

/// The shipped holiday calendar, loaded once.
let shippedCalendar: WorkCalendar = {
  let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
      "share/zwfw/holidays.tsv")
  guard let text = try? String(contentsOf: url, encoding: .utf8),
    let entries = try? HolidayTable.parse(text)
  else { return .weekdaysOnly() }
  return WorkCalendar(entries: entries, loadedYears: Set(entries.map(\.date.year)))
}()

/// A fixed clock and operator: every render test is reproducible.
func makeContext(
  now: String = "2026-11-26T09:30", staff: Staff? = nil, calendar: WorkCalendar = shippedCalendar
) -> AppContext {
  let zone = DeploymentZone.shanghai
  let who =
    staff ?? Staff(login: "zhangmin", name: "张敏", org: "ZWZX", roles: [.admin, .supervisor])
  return AppContext(
    staff: who,
    node: NodeIdentity(
      code: "BYQ", name: "白银区政务服务中心", district: "BYQ", isDistrict: true, training: true),
    now: zone.parseLocal(now) ?? Date(timeIntervalSince1970: 0), zone: zone, calendar: calendar,
    organisationName: "区政务服务中心")
}

/// The repository's `share/zwfw`.
let repositoryShare: ShareDirectory = {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  return ShareDirectory(path: root.appendingPathComponent("share/zwfw").path)
}()

/// A fresh directory per test.
func temporaryDirectory() -> URL { Scratch.directory("test") }
