import { langFrom } from './lang';

describe('langFrom', () => {
  it('is English only for English display languages, Chinese otherwise', () => {
    expect(['en', 'en-US', 'EN-gb', 'en_AU'].map(langFrom)).toEqual(['en-US', 'en-US', 'en-US', 'en-US']);
    expect(['zh-CN', 'zh-TW', 'fr-FR', 'eng', '', undefined, null].map(langFrom)).toEqual([
      'zh-CN',
      'zh-CN',
      'zh-CN',
      'zh-CN',
      'zh-CN',
      'zh-CN',
      'zh-CN',
    ]);
  });
});
