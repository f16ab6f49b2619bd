// A select for a code list (学历, 民族, 工作岗位, 党小组) that a clerk fills by keyboard: typing filters
// and Enter or Tab picks the match; Tab with nothing typed moves on without picking the first option
// (antd's list would otherwise take whatever option is highlighted, e.g. 博士研究生 on top).
import { Select, type SelectProps } from 'antd';
import { useState, type KeyboardEvent } from 'react';

export function CodeSelect<V extends string | number>(props: SelectProps<V>) {
  const [typed, setTyped] = useState('');
  const skipUntypedTab = (e: KeyboardEvent) => {
    // Before the select sees it: a Tab without a search moves focus and leaves the value alone.
    if (e.key === 'Tab' && !typed) e.stopPropagation();
  };
  return (
    <div onKeyDownCapture={skipUntypedTab}>
      <Select<V>
        showSearch={{ optionFilterProp: 'label', onSearch: setTyped }}
        allowClear
        {...props}
        style={{ width: '100%', ...props.style }}
        onBlur={(e) => {
          setTyped('');
          props.onBlur?.(e);
        }}
        onChange={(v, o) => {
          setTyped('');
          props.onChange?.(v, o);
        }}
      />
    </div>
  );
}
