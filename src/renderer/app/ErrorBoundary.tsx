import { Button, Center, Code, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import i18n from '../i18n';

interface Props {
  children: ReactNode;
}
interface State {
  error: Error | null;
}

/** Catches render errors so one broken screen shows a way out instead of a blank window. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('render error', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const t = i18n.t.bind(i18n);
    return (
      <Center mih={360} p="xl" data-testid="error-boundary">
        <Stack align="center" maw={520} gap="sm">
          <ThemeIcon size={56} radius="xl" color="red" variant="light">
            <IconAlertTriangle size={30} />
          </ThemeIcon>
          <Title order={3}>{t('error.title')}</Title>
          <Text c="dimmed" ta="center">
            {t('error.body')}
          </Text>
          <Code block w="100%">
            {error.message}
          </Code>
          <Group>
            <Button variant="default" onClick={() => this.setState({ error: null })}>
              {t('error.try_again')}
            </Button>
            <Button onClick={() => window.location.reload()}>{t('error.reload')}</Button>
          </Group>
        </Stack>
      </Center>
    );
  }
}
