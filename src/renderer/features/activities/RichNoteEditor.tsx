import { RichTextEditor } from '@mantine/tiptap';
import '@mantine/tiptap/styles.css';
import Link from '@tiptap/extension-link';
import Mention from '@tiptap/extension-mention';
import { useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../members/workspace-store';

interface Props {
  onChange: (html: string) => void;
  initial?: string;
}

/**
 * Rich text for notes: bold, italics, lists, links and @mentions of members. It produces HTML that
 * the main process sanitizes again before storing (sync or the CLI can write notes too).
 */
export function RichNoteEditor({ onChange, initial = '' }: Props) {
  const { t } = useTranslation();
  const { members } = useWorkspace();
  const editor = useEditor({
    extensions: [
      StarterKit.configure({ link: false }),
      Link.configure({ openOnClick: false, protocols: ['mailto', 'tel'] }),
      Mention.configure({
        HTMLAttributes: { class: 'mention' },
        suggestion: {
          items: ({ query }) =>
            members
              .filter((m) => m.name.toLowerCase().includes(query.toLowerCase()))
              .slice(0, 6)
              .map((m) => ({ id: m.id, label: m.name })),
          render: () => {
            // A minimal list: the first match is taken with Enter; the editor shows the text typed.
            let items: { id: string; label: string }[] = [];
            let pick: ((item: { id: string; label: string }) => void) | null = null;
            return {
              onStart: (props) => {
                items = props.items as { id: string; label: string }[];
                pick = props.command as (item: { id: string; label: string }) => void;
              },
              onUpdate: (props) => {
                items = props.items as { id: string; label: string }[];
                pick = props.command as (item: { id: string; label: string }) => void;
              },
              onKeyDown: ({ event }) => {
                if (event.key === 'Enter' && items[0] && pick) {
                  pick(items[0]);
                  return true;
                }
                return false;
              },
            };
          },
        },
      }),
    ],
    content: initial,
    onUpdate: ({ editor: e }) => onChange(e.getHTML()),
    immediatelyRender: true,
  });
  return (
    <RichTextEditor editor={editor} data-testid="rich-note" aria-label={t('note.editor_label')}>
      <RichTextEditor.Toolbar>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.Bold title={t('note.bold')} />
          <RichTextEditor.Italic title={t('note.italic')} />
          <RichTextEditor.BulletList title={t('note.bullets')} />
          <RichTextEditor.OrderedList title={t('note.numbers')} />
          <RichTextEditor.Link title={t('note.link')} />
        </RichTextEditor.ControlsGroup>
      </RichTextEditor.Toolbar>
      <RichTextEditor.Content mih={100} />
    </RichTextEditor>
  );
}
