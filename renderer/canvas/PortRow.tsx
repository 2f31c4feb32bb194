import { memo } from 'react';
import type { PortName } from '../../shared/topology';
import type { SocketType } from '../../shared/patterns';
import { SOCKET_INFO } from '../../shared/patterns';
import { SocketHandle } from './parts';

/** A device's or worker's two ports, each its own handle with its socket type (e.g. ROUTER frontend). */
export const PortRow = memo(function PortRow(props: { left: PortName; leftType: SocketType; right: PortName; rightType: SocketType }) {
  const l = SOCKET_INFO[props.leftType].pattern;
  const r = SOCKET_INFO[props.rightType].pattern;
  return (
    <div className="zs-ports">
      <div className={`zs-port zs-port-left pattern-${l}`} data-port={props.left}>
        <SocketHandle id={props.left} side="left" pattern={l} />
        <span className="zs-type">{props.leftType}</span>
        <span>{props.left}</span>
      </div>
      <div className={`zs-port zs-port-right pattern-${r}`} data-port={props.right}>
        <span className="zs-type">{props.rightType}</span>
        <span>{props.right}</span>
        <SocketHandle id={props.right} side="right" pattern={r} />
      </div>
    </div>
  );
});
