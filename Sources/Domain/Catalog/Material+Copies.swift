extension Material {
  /// 份数 a material may ask for: 1 to 20, or none for one the centre obtains by data sharing
  /// (免提交, 第二十六条). The catalogue's check and the editor's form both ask here.
  public static func copies(shared: Bool) -> ClosedRange<Int> { (shared ? 0 : 1)...20 }
}
