import Domain

extension AppContext {
  /// What the operator may list, open and read (`Visibility`): a pane asks it, never a role.
  public var visibility: Visibility { Visibility(staff) }
}
