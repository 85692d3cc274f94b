extension Kind {
    /// What people call this kind of entry, in both languages: the word tables, pages, exports and refusals use.
    public var displayName: LocalizedText {
        switch self {
        case .genesis: LocalizedText("genesis", "创世")
        case .keyAdd: LocalizedText("key added", "添加密钥")
        case .keyRevoke: LocalizedText("key revoked", "撤销密钥")
        case .policySet: LocalizedText("policy", "审批规则")
        case .memberAdd: LocalizedText("member added", "添加成员")
        case .memberUpdate: LocalizedText("member updated", "更新成员")
        case .memberClose: LocalizedText("member closed", "关闭成员")
        case .fundAdd: LocalizedText("fund added", "新增基金")
        case .donation: LocalizedText("donation", "爱心善款")
        case .sale: LocalizedText("produce sale", "农产品助销")
        case .grant: LocalizedText("grant", "救助金")
        case .payout: LocalizedText("payout", "发放")
        case .expense: LocalizedText("expense", "支出")
        case .reversal: LocalizedText("reversal", "冲正")
        case .approve: LocalizedText("approval", "审批")
        case .reject: LocalizedText("rejection", "驳回")
        case .checkpoint: LocalizedText("checkpoint", "检查点")
        }
    }
}
