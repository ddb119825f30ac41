import Domain
import Store

/// A pane that shows one kind of case and opens a case named from elsewhere (查找, F7).
protocol CaseOpening: Pane {
  /// The kind of case the pane shows.
  var caseKind: FoundCase.Kind { get }
  /// The case whose view is shown now (nil on a list).
  var shownCaseID: String? { get }
  /// Shows the case's view, as Enter on its line in the pane's own list would.
  mutating func openFound(_ caseID: String, _ context: AppContext) -> PaneResponse
}
