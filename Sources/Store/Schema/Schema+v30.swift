extension Schema {
  /// 延期待审批 in a supervisor's 差评整改 我的: a case whose handler applied for an extension
  /// (第三十七条(三)) waits for a district supervisor's decision as a complaint's extension waits
  /// for its dispatcher, but nothing on the row said so — only the state's words. The row carries
  /// whether an application waits (`extension_pending`, from the fold: `Rectification
  /// .extensionRequest.isPending`), and 我的 reads those cases as one range of an ordered partial
  /// index, merged with its other ranges like every queue (issue 26).
  ///
  /// Filled here by plain SQL, no re-fold: a pending application exists only while the case is
  /// rectified on the complex track, and the state's title then says so (`整改中(情况复杂,延期待审批)`,
  /// `Rectification.stateTitle`), so the phase's range of `rectification_phase_queue` finds them.
  /// A column cannot be added twice: like v26, this step does not run again.
  static let v30 = """
    ALTER TABLE rectification ADD COLUMN extension_pending INTEGER NOT NULL DEFAULT 0
      CHECK (extension_pending IN (0, 1));
    UPDATE rectification SET extension_pending = 1
      WHERE phase = 'rectifying' AND state LIKE '%延期待审批%';
    CREATE INDEX IF NOT EXISTS rectification_extension_queue ON rectification
      (extension_pending, due_date IS NULL, due_date, updated_at DESC, id)
      WHERE extension_pending = 1;
    """
}
