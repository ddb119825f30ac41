import Domain
import Foundation

/// What `applications import` did.
public struct PlatformImportSummary: Sendable {
  /// Our case number and the platform's, for every application registered.
  public var registered: [(caseID: String, number: String)] = []
  /// Rows whose 办件编号 this node already holds (or the file gave twice): the line, the number and
  /// the case that holds it.
  public var skipped: [(line: Int, number: String, caseID: String)] = []
}

extension Store {
  /// 导入平台推送的网上申请 (第十六条) — `applications.csv` (table 5, the header row as our export
  /// writes it): each row becomes a 网上申请 awaiting 网上预审, its clock running from the
  /// platform's 申请时间, keeping the platform's 办件编号. A number already held is skipped and
  /// reported. A bad row refuses the whole file (its line and item named); nothing is recorded,
  /// and the refusal log keeps the attempt.
  @discardableResult
  public func importPlatformApplications(
    _ data: Data, file: String, items: ItemDirectory, by staff: Staff,
    progress: ProgressReporter? = nil
  ) throws -> PlatformImportSummary {
    let action = ApplicationActions.register
    return try write(actor: staff.login, action: action, subject: "application/import") { tx in
      let csv = try NationalCSV.parse(data, file: file).get()
      let rows = try NationalApplicationFile.read(
        csv, region: node.region, zone: zone, today: tx.today
      ).get()
      let byImplementation = try implementationCodes()
      let atCentre = try isServiceCentre(staff.org)
      let days = try preReviewDays()
      var summary = PlatformImportSummary()
      var seen: [String: String] = [:]
      for (done, row) in rows.enumerated() {
        progress?(ProgressStep("导入网上申请", done: done, total: rows.count))
        if let held = try platformCase(number: row.submission.number) ?? seen[row.submission.number]
        {
          summary.skipped.append((row.line, row.submission.number, held))
          continue
        }
        let code = row.itemCode.isEmpty ? byImplementation[row.implementationCode] : row.itemCode
        guard let code, let item = try items.directoryItem(code: code) else {
          throw Refusal(
            "\(row.place): 实施编码「\(FieldText.sanitizeForDisplay(row.implementationCode))」不是本区事项库中的事项"
          )
        }
        if let r = item.registrationRefusal { throw Refusal("\(row.place): \(r.message)") }
        let org = ApplicationActions.organisation(
          for: action, staff: staff, implementing: item.snapshot.organisation,
          staffAtServiceCentre: atCentre)
        if let r = Permission.check(
          staff, action, organisation: org, organisationName: try organisationName(org))
        {
          throw Refusal("\(row.place): \(r.message)")
        }
        let caseID = try tx.nextCaseID()
        switch ApplicationMachine.registration(
          of: row.applicant, channel: row.channel, note: "",
          materials: item.snapshot.materials.map(MaterialStatus.initial(for:)), item: item,
          registeredOrg: staff.org, preReviewDays: days, platform: row.submission,
          stepContext(caseID: caseID, tx: tx))
        {
        case .failure(let r): throw Refusal("\(row.place): \(r.message)")
        case .success(let (_, draft)): try tx.append([draft])
        }
        seen[row.submission.number] = caseID
        summary.registered.append((caseID, row.submission.number))
      }
      progress?(ProgressStep("导入网上申请", done: rows.count, total: rows.count))
      return summary
    }
  }

  /// The case that holds a platform's 办件编号, if any.
  public func platformCase(number: String) throws -> String? {
    try db.fetchOne(
      "SELECT case_id FROM application_platform WHERE number = ? ORDER BY case_id LIMIT 1",
      [NationalFormat.caseNumber(number)]
    ) { $0.text(0) }
  }

  /// Our item code by its 实施编码, where the catalog records one.
  func implementationCodes() throws -> [String: String] {
    var out: [String: String] = [:]
    for item in try allCatalogItems() {
      guard let code = item.national?.implementationCode, !code.isEmpty else { continue }
      out[code] = out[code] ?? item.code
    }
    return out
  }
}
