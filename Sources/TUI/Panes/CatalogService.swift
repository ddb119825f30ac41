import Domain
import Foundation
import Store

/// What the 事项库 pane needs from the database: queries and the catalog commands, nothing else.
/// The steps on a change application (`CatalogChangeCommand`) are `CaseStepService`'s.
public protocol CatalogService: CaseStepService {
  func searchCatalogSummaries(_ text: String, limit: Int) throws -> [CatalogSummary]
  func catalogItem(code: String) throws -> CatalogItem?
  func catalogItem(code: String, version: Int) throws -> CatalogItem?
  func catalogVersions(code: String) throws -> [CatalogVersionInfo]
  func catalogChanges(openOnly: Bool, limit: Int) throws -> [CatalogChange]
  func catalogChange(id: String) throws -> CatalogChange?
  func pendingCatalogChange(itemCode: String, excluding id: String?) throws -> String?
  func listAdjustments(openOnly: Bool, limit: Int) throws -> [ListAdjustment]
  func listAdjustment(id: String) throws -> ListAdjustment?
  func events(stream: String) throws -> [Event]
  func staffNames() throws -> [String: String]
  func organisations() throws -> [Organisation]

  func draftCatalogChange(_ proposal: ChangeProposal, by staff: Staff) throws -> String
  func recordListAdjustment(_ record: ListAdjustmentRecord, by staff: Staff) throws -> String
  func closeListAdjustment(id: String, reason: String, by staff: Staff) throws
}

extension Store: CatalogService {}
