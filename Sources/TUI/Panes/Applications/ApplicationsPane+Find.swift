import Domain
import Store

/// 查找 (F7) opens an application here.
extension ApplicationsPane: CaseOpening {
  var caseKind: FoundCase.Kind { .application }

  mutating func openFound(_ caseID: String, _ context: AppContext) -> PaneResponse {
    layer = .none
    confirm = nil
    searching = false
    return openCase(caseID, context)
  }
}
