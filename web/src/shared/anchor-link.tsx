import { Anchor, type AnchorProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import { forwardRef } from 'react';

type AnchorElementProps = AnchorProps & Omit<React.ComponentPropsWithoutRef<'a'>, keyof AnchorProps>;

const RouterAnchor = forwardRef<HTMLAnchorElement, AnchorElementProps>((props, ref) => <Anchor ref={ref} {...props} />);

const CreatedAnchorLink = createLink(RouterAnchor);

/** A Mantine anchor that navigates inside the app, with the router's type-checked `to` and `params`. */
export const AnchorLink: LinkComponent<typeof RouterAnchor> = (props) => (
  <CreatedAnchorLink preload="intent" {...props} />
);
