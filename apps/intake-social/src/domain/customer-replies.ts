/**
 * What the service tells a customer on a social channel (Chinese, the channels' language): the
 * reference and what happens next. Deadlines follow the handling rules (feedback within 48 hours,
 * a decision within 15 days).
 */
export const customerReplies = {
  opened(reference: string, quietWindowSeconds: number): string {
    const more = quietWindowSeconds >= 60 ? `${Math.round(quietWindowSeconds / 60)}分钟` : `${quietWindowSeconds}秒`;
    return (
      `您好，您的投诉已受理，受理编号：${reference}。` +
      `${more}内您可继续发送文字、语音或图片补充说明，我们会并入同一投诉处理。` +
      '专人将在48小时内与您联系，一般在15日内给出处理结果。请保存受理编号以便查询进度。'
    );
  },
  appended(reference: string): string {
    return `已收到您的补充内容，已并入投诉${reference}，我们会一并处理。`;
  },
  surveyAnswered(reference: string, score: number): string {
    return score >= 3
      ? `感谢您的评价（${score}分）！您对投诉${reference}处理结果的反馈已记录。`
      : `感谢您的评价（${score}分）。您对投诉${reference}处理结果的意见已记录，上级部门将重新跟进并与您联系。`;
  },
  welcome(): string {
    return (
      '感谢关注！如需投诉，请直接发送文字或语音说明问题（涉及的业务、时间、金额等），也可发送图片作为证据。' +
      '我们会立即回复受理编号，并在48小时内与您联系。请勿发送完整的银行卡密码或验证码。'
    );
  },
  unsupported(): string {
    return '暂不支持此类消息。如需投诉，请发送文字、语音或图片说明问题。';
  },
};
