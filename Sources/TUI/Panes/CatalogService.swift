import Domain
import Store

/// What the 事项库 pane needs from the database: queries and the catalog commands, nothing else.
public protocol CatalogService: AnyObject {
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
  func editCatalogChange(id: String, _ proposal: ChangeProposal, by staff: Staff) throws
  func submitCatalogChange(id: String, by staff: Staff) throws -> CatalogChange
  func approveCatalogChange(id: String, note: String, by staff: Staff) throws
  func returnCatalogChange(id: String, reason: String, by staff: Staff) throws
  func recordCatalogTest(id: String, passed: Bool, note: String, by staff: Staff) throws
    -> CatalogChange
  func fileCatalogChange(id: String, note: String, by staff: Staff) throws
  func withdrawCatalogChange(id: String, reason: String, by staff: Staff) throws
  func recordListAdjustment(_ record: ListAdjustmentRecord, by staff: Staff) throws -> String
  func closeListAdjustment(id: String, reason: String, by staff: Staff) throws
}

extension Store: CatalogService {}
