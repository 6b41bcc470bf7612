import StyrDomain

extension LedgerLineError {
    /// An art or funksjon outside the KOSTRA lists: what a profile (or `--invalid-codes`) may turn into a warning.
    public var isOutsideCodeList: Bool { reason.hasSuffix(LedgerLineParser.codeList) }
}
