import Domain
import Foundation

/// What every pane may read while handling a key or drawing: who, where, when.
public struct AppContext {
  public var staff: Staff
  public var node: NodeIdentity
  public var now: Date
  public var zone: DeploymentZone
  public var calendar: WorkCalendar
  public var organisationName: String

  public var today: CivilDate { zone.civilDate(now) }
}

/// A short message at the bottom of the screen: a result or a refusal.
public struct Toast: Equatable, Sendable {
  public enum Kind: Sendable { case info, error }
  public var text: String
  public var kind: Kind

  public static func info(_ text: String) -> Toast { Toast(text: text, kind: .info) }
  public static func error(_ text: String) -> Toast { Toast(text: text, kind: .error) }
}

/// What a pane did with a key.
public enum PaneResponse: Equatable {
  /// Not a key of this pane: the app tries its global keys.
  case ignored
  case handled
  /// Handled, with a message for the clerk.
  case toast(Toast)
}

/// 窗格 — one screen of the workstation (受理登记, 投诉建议, 工作日历 …).
///
/// A pane is a value: `handle` changes it, `render` draws it into the frame. Panes reach the
/// database only through the narrow service they were built with, so tests can give them a fake.
public protocol Pane {
  var title: String { get }
  /// Bindings active now (they may depend on the pane's mode); the key bar and help read them.
  var bindings: KeymapSection { get }
  /// True while a text field has focus: printable keys, Tab and digits go to the field.
  var capturesText: Bool { get }
  /// True when leaving now would lose what the clerk typed (quitting asks first).
  var hasUnsavedInput: Bool { get }
  /// True when Esc now would close an input the clerk changed (a form, an editor, a path): the
  /// workstation asks 放弃本次输入? and passes the Esc on only after y. An unchanged form closes
  /// at once.
  var escapeLosesInput: Bool { get }
  /// Called when the pane comes to the front, and after a change elsewhere: reload data.
  mutating func activate(_ context: AppContext)
  mutating func handle(_ key: Key, _ context: AppContext) -> PaneResponse
  func render(into frame: inout Frame, area: Rect, _ context: AppContext)
}

extension Pane {
  public var capturesText: Bool { false }
  public var hasUnsavedInput: Bool { false }
  public var escapeLosesInput: Bool { false }
  public mutating func activate(_ context: AppContext) {}
}
