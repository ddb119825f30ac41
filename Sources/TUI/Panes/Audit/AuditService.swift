import Domain
import Store

/// What the 审计 pane may ask of the database: the refusal log, a page at a time.
public protocol AuditService: AnyObject {
  func refusalLog(_ query: RefusalQuery, for staff: Staff) throws -> [RefusalRecord]
}

extension Store: AuditService {}
