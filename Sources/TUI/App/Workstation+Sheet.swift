import Domain
import Foundation
import Store

/// Where `p` in a case view saves and prints the case's sheet.
public protocol CaseSheetPrinter {
  func printSheet(_ kind: CaseSheet.Kind, caseID: String, for staff: Staff) throws
    -> SheetDelivery
}

/// The workstation's printer: the store's case as the operator reads it, the node's notice
/// folder and printer, the templates found beside the program.
public final class StoreSheetPrinter: CaseSheetPrinter {
  let store: Store
  let share: Result<ShareDirectory, any Error>

  public init(store: Store, share: ShareDirectory? = nil) {
    self.store = store
    self.share = share.map { .success($0) } ?? Result { try ShareDirectory.locate() }
  }

  public func printSheet(_ kind: CaseSheet.Kind, caseID: String, for staff: Staff) throws
    -> SheetDelivery
  {
    let values = try store.caseSheetValues(kind, caseID: caseID, for: staff)
    return try store.noticeOffice(share: try share.get()).produceSheet(
      kind, caseID: caseID, values: values, on: store.today)
  }
}

extension Workstation {
  /// `p` in a case view: the sheet of the case shown, saved and printed; the status line says
  /// where it went and what the printer did.
  mutating func printSheet() {
    guard let pane = panes[active] as? any CaseOpening, let id = pane.shownCaseID else { return }
    let kind: CaseSheet.Kind
    switch pane.caseKind {
    case .application: kind = .application
    case .complaint: kind = .complaint
    case .rectification: kind = .rectification
    }
    guard let sheetPrinter else {
      toast = .error("本工作台不能打印")
      return
    }
    do {
      let d = try sheetPrinter.printSheet(kind, caseID: id, for: context.staff)
      toast = d.hasProblem ? .error(d.statusLine) : .info(d.statusLine)
    } catch {
      toast = .error("\(kind.title)未能生成:" + CLI.message(for: error))
    }
  }
}
