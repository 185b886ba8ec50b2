/**
 * The enterprise opening's key: POST /applications files it with today's typed body, and its form keeps
 * the opening's own checks (correctable paths, masking shapes). Every other process is data alone.
 */
export const ENTERPRISE_OPENING = 'enterprise-opening';
